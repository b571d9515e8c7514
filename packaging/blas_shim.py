"""Linux build step: NumPy on Debian's reference BLAS/LAPACK instead of its 28 MB OpenBLAS.

NumPy's wheel links its extension modules to a vendored OpenBLAS (numpy.libs/
libscipy_openblas64_-*.so, 25 MB with kernels for every CPU generation, plus 3 MB of Fortran
runtime). The app's arithmetic is small (matplotlib's 3x3 transforms, a trend line through a
few years), so the reference implementations do as well. The step replaces that library by a
shim of the same name and soname whose every symbol NumPy imports (scipy_cblas_dgemm64_,
scipy_dgesv_64_ ...) is a jump to the same routine in Debian's 64-bit-integer builds
(cblas_dgemm in libblas64.so.3, dgesv_ in LAPACK). Only the LAPACK routines NumPy calls, with
what they call, are linked into the shim from Debian's static liblapack64_pic.a (1 MB instead
of the 7 MB library); BLAS and the Fortran runtime are bundled beside it. In all 5 MB instead
of 28. The frozen self-test checks NumPy's results.

Needs binutils (nm, as, ld) and Debian's liblapack64-dev and libgfortran5 (packaging/build.sh
installs them). The jumps are x86-64 instructions; the spec runs this step on x86-64 Linux only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path, PurePath

Toc = list[tuple[str, str, str]]  # PyInstaller's (destination, source, kind) entries

OPENBLAS = re.compile(r"^numpy\.libs/libscipy_openblas64_-\w+\.so$")
# The vendored Fortran runtime that only OpenBLAS needs, and its links beside the executable.
OPENBLAS_RUNTIME = re.compile(r"^(numpy\.libs/)?lib(gfortran|quadmath)-[0-9a-f]{8}-[\w.-]+$")
# The shared libraries bundled beside the shim. It names them all, so that the loader finds
# each there (the shim's RUNPATH is $ORIGIN), libgfortran's libquadmath included.
BUNDLED_LIBRARIES = ("libblas64.so.3", "libgfortran.so.5", "libquadmath.so.0")
# What the shim links against: LAPACK's position-independent archive and the system's C library.
LINKED_LIBRARIES = ("liblapack64_pic.a", *BUNDLED_LIBRARIES, "libm.so.6", "libc.so.6")


def with_reference_blas(binaries: Toc, datas: Toc, workdir: Path) -> tuple[Toc, Toc]:
    """The TOCs `binaries` and `datas` with NumPy's OpenBLAS replaced by the shim and the
    libraries it needs (PyInstaller keeps its links beside the executable among the datas)."""
    openblas = [entry for entry in binaries if OPENBLAS.search(_posix(entry[0]))]
    if len(openblas) != 1:
        raise SystemExit(f"blas_shim: expected NumPy's OpenBLAS once, found {len(openblas)}")
    name = _posix(openblas[0][0])
    importers = [
        source
        for destination, source, kind in binaries
        if kind == "EXTENSION" and _posix(destination).startswith("numpy/")
    ]
    shim = build_shim(PurePath(name).name, importers, workdir / "blas_shim")
    folder = PurePath(name).parent
    kept = [
        entry
        for entry in binaries
        if entry is not openblas[0] and not OPENBLAS_RUNTIME.search(_posix(entry[0]))
    ]
    binaries = [
        *kept,
        (name, str(shim), "BINARY"),
        *((str(folder / soname), str(_system_library(soname)), "BINARY")
          for soname in BUNDLED_LIBRARIES),
    ]  # fmt: skip
    return binaries, [entry for entry in datas if not OPENBLAS_RUNTIME.search(_posix(entry[0]))]


def build_shim(soname: str, importers: list[str], workdir: Path) -> Path:
    """A library `soname` that forwards what `importers` import from OpenBLAS."""
    workdir.mkdir(parents=True, exist_ok=True)
    imported = sorted(
        {
            line.split()[-1]
            for line in _run("nm", "-D", "--undefined-only", *importers).splitlines()
            if line.split() and line.split()[-1].startswith("scipy_")
        }
    )
    if not imported:
        raise SystemExit("blas_shim: NumPy's extension modules import nothing from OpenBLAS")
    lines = ["\t.text"]
    for symbol in imported:
        lines += [
            f"\t.globl {symbol}",
            f"\t.type {symbol}, @function",
            f"{symbol}:",
            f"\tjmp {reference_name(symbol)}@PLT",
        ]
    lines.append('\t.section .note.GNU-stack,"",@progbits')
    assembly = workdir / "shim.s"
    assembly.write_text("\n".join(lines) + "\n")
    target = workdir / soname
    _run("as", "-o", str(workdir / "shim.o"), str(assembly))
    exports = workdir / "exports.map"  # the shim exports NumPy's names, not LAPACK's
    exports.write_text("{\n  global: scipy_*;\n  local: *;\n};\n")
    # --no-undefined: every forwarded routine must exist in Debian's libraries.
    _run(
        "ld", "-shared", "-z", "noexecstack", "--no-undefined", "--no-as-needed",
        "-soname", soname, "-rpath", "$ORIGIN", "--version-script", str(exports),
        "-o", str(target), str(workdir / "shim.o"),
        *(f"-l:{library}" for library in LINKED_LIBRARIES),
    )  # fmt: skip
    return target


def reference_name(symbol: str) -> str:
    """OpenBLAS's name for NumPy's 64-bit interface to Debian's: scipy_cblas_dgemm64_ is
    cblas_dgemm, scipy_dgesv_64_ is dgesv_ (the Fortran name)."""
    cblas = re.fullmatch(r"scipy_(cblas_\w+?)64_", symbol)
    if cblas:
        return cblas[1]
    fortran = re.fullmatch(r"scipy_(\w+?)_64_", symbol)
    if fortran:
        return f"{fortran[1]}_"
    raise SystemExit(f"blas_shim: no reference routine for {symbol}")


def _system_library(soname: str) -> Path:
    """Where the dynamic loader finds `soname` on this machine (from ldconfig's cache)."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"  # /sbin is not on every PATH
    for line in _run(ldconfig, "-p").splitlines():
        fields = line.split()
        if fields and fields[0] == soname and "x86-64" in line:
            return Path(fields[-1]).resolve()
    raise SystemExit(f"blas_shim: {soname} is not installed (packaging/build.sh installs it)")


def _posix(name: str) -> str:
    return PurePath(name).as_posix()


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout
