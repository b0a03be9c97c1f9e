#!/usr/bin/env bash
# Installs the Debian 12 packages vmsweep needs to build, test and plot.
# Idempotent: packages already present are left alone. Works as root or through sudo.
#   scripts/install-deps.sh            build + run + tests
#   scripts/install-deps.sh --bench    also what the benchmarks compare against (PyTorch, Optuna, hyperfine)
#   scripts/install-deps.sh --slurm    also a single-machine Slurm for the Slurm tests
#   scripts/install-deps.sh --fuzz     also clang and its libFuzzer / sanitizer runtimes (scripts/fuzz.sh)
set -euo pipefail

packages=(
  cmake g++ make pkg-config git ca-certificates curl
  openmpi-bin libopenmpi-dev
  libdnnl-dev opencl-headers ocl-icd-opencl-dev   # dnnl's CMake config asks for OpenCL even on CPU
  libtbb-dev libyaml-cpp-dev
  libhdf5-dev hdf5-tools zlib1g-dev               # zlib: the CRC-32 of trial log records
  catch2 libcli11-dev
  libasan8 libubsan1 libtsan2                      # the sanitizer passes of scripts/test.sh
  python3 python3-h5py python3-pandas python3-matplotlib python3-numpy
)
for arg in "$@"; do
  case "$arg" in
    --bench) packages+=(python3-torch libopenblas0-openmp python3-optuna hyperfine time) ;;
    --slurm) packages+=(slurmctld slurmd slurm-client munge) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "install-deps.sh: unknown option '$arg' (expected --bench, --slurm or --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
