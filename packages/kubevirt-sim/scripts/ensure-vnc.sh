#!/bin/sh
# Installs the real VNC server the simulator's consoles use (Debian's
# tigervnc-standalone-server: Xtigervnc) when it is missing. Same approach as
# scripts/lib.mjs ensureChromium(): apt-get as root, sudo -n otherwise.
set -eu

if [ -n "${SHEPHERD_XTIGERVNC_PATH:-}" ] && [ -x "${SHEPHERD_XTIGERVNC_PATH}" ]; then
  exit 0
fi
if command -v Xtigervnc >/dev/null 2>&1; then
  exit 0
fi

echo "▶ Installing tigervnc-standalone-server (Xtigervnc is missing) for the simulator's VNC consoles"
if [ "$(id -u)" -eq 0 ]; then
  APT="apt-get"
else
  APT="sudo -n apt-get"
fi
export DEBIAN_FRONTEND=noninteractive
# x11-utils and x11-xserver-utils draw the VM's name on the console (xmessage, xsetroot).
PACKAGES="tigervnc-standalone-server x11-utils x11-xserver-utils"
if ! $APT install -y $PACKAGES; then
  $APT update
  $APT install -y $PACKAGES
fi
command -v Xtigervnc >/dev/null 2>&1 || {
  echo "✖ tigervnc-standalone-server was installed but Xtigervnc is not on PATH" >&2
  exit 1
}
