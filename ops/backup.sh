#!/usr/bin/env bash
# Back up the database (pg_dump custom format) and the media files into one dated folder.
#   ops/backup.sh DEST_DIR            (DATABASE_URL and MEDIA_ROOT from the environment)
# Writes DEST_DIR/<timestamp>/{db.dump,media.tar.gz,SHA256SUMS} and prints the folder.
# See docs/backup-restore.md. Safe while the site runs: pg_dump takes a consistent snapshot.
set -euo pipefail
dest_root=${1:?usage: ops/backup.sh DEST_DIR}
: "${DATABASE_URL:?set DATABASE_URL=postgres://user@host:5432/db}"
media=${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}
stamp=$(date -u +%Y%m%dT%H%M%SZ)
dest="$dest_root/$stamp"
umask 077  # the dump holds personal data and password hashes
mkdir -p "$dest"

# -Fc: compressed, restorable table by table with pg_restore; --no-owner: restorable as another role.
pg_dump --format=custom --no-owner --no-privileges --file="$dest/db.dump" "$DATABASE_URL"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$dest/media.tar.gz" .
else
  tar -czf "$dest/media.tar.gz" --files-from /dev/null
fi
(cd "$dest" && sha256sum db.dump media.tar.gz > SHA256SUMS)
echo "$dest"
