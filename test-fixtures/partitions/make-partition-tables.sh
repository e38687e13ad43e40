#!/usr/bin/env bash
# Makes the partitioned images dev.custos.partition is tested with, and records what sfdisk
# (util-linux) and mmls (The Sleuth Kit) read of each: the tests compare Custos's reading with
# these, tools nobody here wrote. The 4096-byte-sector images are partitioned through a loop
# device with 4096-byte logical sectors (this sfdisk has no --sector-size), so this needs root.
# The images are mostly zeros and are committed gzip-compressed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# make NAME SIZE SECTOR_SIZE SFDISK_SCRIPT
make() {
  local name=$1 size=$2 sector=$3 script=$4 target
  rm -f "$name.img" "$name.img.gz"
  truncate -s "$size" "$name.img"
  target=$name.img
  if [ "$sector" != 512 ]; then
    target=$(losetup --find --show --sector-size "$sector" "$name.img")
  fi
  # Fixed identifiers, so the images are the same each time the script runs.
  printf '%s' "$script" | sfdisk -q --no-reread --no-tell-kernel "$target"
  sfdisk -J "$target" | sed "s#$target#$name.img#g" > "$name.sfdisk.json"
  [ "$target" = "$name.img" ] || losetup -d "$target"
  mmls -b "$sector" "$name.img" > "$name.mmls.txt"
  gzip -9n "$name.img"
}

make mbr-512 4M 512 'label: dos
label-id: 0x1234abcd
start=2048, size=2048, type=c, bootable
size=2048, type=83
start=6144, size=1024, type=7
start=7168, type=5
size=256, type=83
type=82
'
make mbr-4096 16M 4096 'label: dos
label-id: 0x0badf00d
start=256, size=1024, type=83
type=7
'
make gpt-512 8M 512 'label: gpt
label-id: 2E60AA12-A3B8-264A-ACE1-9671D1DE2750
start=2048, size=4096, type=U, name="EFI system", uuid=D8E8CDAA-C75E-9247-81E5-4850C88C3866
size=2048, type=E3C9E316-0B5C-4DB8-817D-F92DF00215AE, name="Microsoft reserved", uuid=2E485035-CACC-134C-BB21-4B7132FD1C7E
size=4096, type=EBD0A0A2-B9E5-4433-87C0-68B6B72699C7, name="Données", uuid=4B0A8E97-B3EF-7843-9627-7DB16CA12107
type=S, uuid=5C2A9F1E-0B44-4A4E-9E61-7A1C0B6C8A11
'
make gpt-4096 16M 4096 'label: gpt
label-id: D2FAC62F-E6C0-2243-B459-431741B8C6D9
start=256, size=512, type=U, name="EFI", uuid=9DBBF33E-0747-5745-89E7-A39D4C5FBC5A
type=L, name="root", uuid=DCD023AC-FECA-5E48-9693-90583DC25D33
'
