#!/usr/bin/env bash
# Restore a backup made by ops/backup.sh into an EMPTY database and media folder.
#   ops/restore.sh BACKUP_DIR         (DATABASE_URL = the target database, MEDIA_ROOT = target folder)
# Refuses a non-empty target, checks the checksums, restores, applies newer migrations
# (restoring an older backup into newer code), and runs Django's checks. See docs/backup-restore.md.
set -euo pipefail
src=${1:?usage: ops/restore.sh BACKUP_DIR}
: "${DATABASE_URL:?set DATABASE_URL to the (empty) target database}"
here=$(cd "$(dirname "$0")/.." && pwd)
media=${MEDIA_ROOT:-$here/media}
python=${PYTHON:-$here/.venv/bin/python}

(cd "$src" && sha256sum --check --quiet SHA256SUMS)

tables=$(psql "$DATABASE_URL" -At -c "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore: the target database already has $tables tables; restore only into an empty database" >&2
  exit 1
fi
if [ -d "$media" ] && [ -n "$(ls -A "$media" 2>/dev/null)" ]; then
  echo "restore: the media folder $media is not empty" >&2
  exit 1
fi

pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" "$src/db.dump"
mkdir -p "$media"
tar -C "$media" -xzf "$src/media.tar.gz"

cd "$here"
"$python" manage.py migrate --noinput
"$python" manage.py check
echo "restored $src"
