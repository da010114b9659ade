#!/usr/bin/env bash
# Installs exactly the Debian packages parksim needs that are not installed yet.
# Idempotent: a second run installs nothing. Uses --no-install-recommends so that python3-netcdf4
# (which segfaults on fixed-length HDF5 strings, see docs/DESIGN.md) never lands on the machine.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libeigen3-dev libboost-dev libboost-random-dev libtbb-dev
  libhdf5-dev hdf5-tools catch2 libtomlplusplus-dev libcli11-dev
  libopenmpi-dev openmpi-bin libfmt-dev libspdlog-dev librandom123-dev
  python3-numpy python3-h5py python3-xarray python3-h5netcdf python3-pandas
  python3-matplotlib python3-scipy python3-pytest
  clang-14 libclang-rt-14-dev
  slurm-wlm munge
  fonts-noto-cjk chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
