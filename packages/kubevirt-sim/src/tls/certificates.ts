import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface ServerCertificates {
  /** PEM of the self-signed CA that kubeconfigs trust. */
  caCertPem: string;
  /** PEM of the server certificate (signed by the CA) and its key. */
  certPem: string;
  keyPem: string;
}

/** A positive serial number (the first bit clear), as Go's x509 parser requires. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

/** RSA keys from Node's native crypto, converted for node-forge to sign with. */
function newKeyPair(): forge.pki.rsa.KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(
      privateKey,
    ) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

/**
 * Key generation is the slow part of a start (~150 ms per RSA key), and test suites
 * start many simulators: keys are made once per process, certificates per start.
 */
let processKeys:
  | { ca: forge.pki.rsa.KeyPair; server: forge.pki.rsa.KeyPair }
  | undefined;

function keys() {
  processKeys ??= { ca: newKeyPair(), server: newKeyPair() };
  return processKeys;
}

function validity(cert: forge.pki.Certificate): void {
  const now = Date.now();
  // An hour of slack for clocks that disagree; a year is plenty for a simulator.
  cert.validity.notBefore = new Date(now - 3600 * 1000);
  cert.validity.notAfter = new Date(now + 365 * 24 * 3600 * 1000);
}

/**
 * Issues a CA and a server certificate for the given hosts (IP addresses and
 * DNS names; 127.0.0.1, ::1 and localhost are always included). Pure JavaScript
 * signing with SHA-256, which kubectl (Go) and Node both accept.
 */
export function generateCertificates(
  name: string,
  hosts: string[] = [],
): ServerCertificates {
  const caKeys = keys().ca;
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  validity(ca);
  // UTF8String, not forge's default PrintableString: Go rejects '@' and '_' in the latter.
  // (@types/node-forge declares the field as a tag class; forge uses it as the value's type.)
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const caSubject = [
    {
      name: 'commonName',
      value: `kubevirt-sim-ca@${name}`,
      valueTagClass: utf8,
    },
    {
      name: 'organizationName',
      value: 'KubeVirt Shepherd simulator',
      valueTagClass: utf8,
    },
  ];
  ca.setSubject(caSubject);
  ca.setIssuer(caSubject);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: true,
      critical: true,
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = keys().server;
  const cert = forge.pki.createCertificate();
  cert.publicKey = serverKeys.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert);
  cert.setSubject([
    {
      name: 'commonName',
      value: `kubevirt-sim-apiserver@${name}`,
      valueTagClass: utf8,
    },
  ]);
  cert.setIssuer(caSubject);
  const allHosts = [...new Set(['127.0.0.1', '::1', 'localhost', ...hosts])];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: allHosts.map(host =>
        isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
      ),
    },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caCertPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}
