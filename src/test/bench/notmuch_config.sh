# Sourced by run.sh and import_ab.sh: notmuch_config FILE MAILDIR writes the notmuch configuration
# both benchmarks give `notmuch new` (the set's maildir, no tags excluded, flags left alone).
notmuch_config() {
  cat >"$1" <<CFG
[database]
path=$2
[user]
name=Bench
primary_email=bench@example.org
[new]
tags=inbox;
[search]
exclude_tags=
[maildir]
synchronize_flags=false
CFG
}
