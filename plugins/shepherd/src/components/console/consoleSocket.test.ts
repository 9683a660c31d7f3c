import { consoleSocketUrl } from './consoleSocket';

describe('consoleSocketUrl', () => {
  it('uses ws for http and wss for https backends', () => {
    expect(
      consoleSocketUrl(
        'http://localhost:7007/api/shepherd',
        '/v1/vms/vm-1/console/stream',
      ),
    ).toBe('ws://localhost:7007/api/shepherd/v1/vms/vm-1/console/stream');
    expect(
      consoleSocketUrl(
        'https://portal.example/api/shepherd/',
        '/v1/vms/vm-1/console/stream',
      ),
    ).toBe('wss://portal.example/api/shepherd/v1/vms/vm-1/console/stream');
  });

  it('keeps the encoded VM id of the path and carries no query string', () => {
    expect(
      consoleSocketUrl(
        'https://portal.example/api/shepherd?x=1',
        '/v1/vms/a%2Fb/console/stream',
      ),
    ).toBe('wss://portal.example/api/shepherd/v1/vms/a%2Fb/console/stream');
  });
});
