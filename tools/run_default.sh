#!/usr/bin/env bash
# Quick start 1: set up, build, run the Lingang 2015 scenario, write out/lingang_2015.h5 and
# print its scorecard, then check that xarray reads the file.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
mkdir -p out
build/parksim run scenarios/lingang_2015.toml -o out/lingang_2015.h5 "$@"
/usr/bin/python3 - <<'PY'
import xarray as xr
ds = xr.open_dataset("out/lingang_2015.h5", engine="h5netcdf")
print(f"xarray reads out/lingang_2015.h5: {dict(ds.sizes)}")
PY
