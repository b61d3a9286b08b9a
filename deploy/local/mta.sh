#!/usr/bin/env bash
# Postfix + Dovecot on loopback: the shape of a real mail deployment (SMTP -> Postfix -> LMTP ->
# Dovecot mailbox -> RelayDesk fetching over IMAP), from Debian's packages.
#   deploy/local/mta.sh up|down|status
# Postfix: SMTP 127.0.0.1:2525, mail for @relaydesk.test goes to Dovecot over LMTP (127.0.0.1:10024),
# other domains are relayed to GreenMail's SMTP (127.0.0.1:3025). Dovecot: IMAP 127.0.0.1:10143,
# users support@, sales@, customer@relaydesk.test with password "secret" (plain, no TLS: loopback).
# Postfix uses the machine's /etc/postfix (edited with postconf); Dovecot runs with its own config
# under $RELAYDESK_HOME/mta. Needs root (installs the packages when missing).
set -euo pipefail

RELAYDESK_HOME="${RELAYDESK_HOME:-$HOME/.relaydesk}"
readonly MTA="$RELAYDESK_HOME/mta"
readonly LOGS="$RELAYDESK_HOME/logs"
readonly SMTP_PORT=2525 IMAP_PORT=10143 LMTP_PORT=10024
readonly DOMAIN=relaydesk.test PASSWORD=secret
readonly USERS=(support sales customer)

say() { printf '[mta] %s\n' "$*"; }
die() { printf '[mta] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
  command -v postfix >/dev/null && command -v dovecot >/dev/null && [[ -e /usr/lib/dovecot/lmtp ]] && return 0
  [[ $EUID -eq 0 ]] || die "postfix/dovecot missing and not root: apt-get install postfix dovecot-imapd dovecot-lmtpd"
  say "installing postfix, dovecot-imapd, dovecot-lmtpd from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix dovecot-imapd dovecot-lmtpd \
    >"$LOGS/mta-install.log" 2>&1 || die "apt-get install failed (log: $LOGS/mta-install.log)"
}

dovecot_config() {
  mkdir -p "$MTA/dovecot-run" "$MTA/dovecot-state" "$MTA/mail"
  chown relaydesk:relaydesk "$MTA/mail" 2>/dev/null || true
  : >"$MTA/users"
  local u
  for u in "${USERS[@]}"; do printf '%s@%s:{PLAIN}%s\n' "$u" "$DOMAIN" "$PASSWORD" >>"$MTA/users"; done
  cat >"$MTA/dovecot.conf" <<CONF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $MTA/dovecot-run/
state_dir = $MTA/dovecot-state
instance_name = relaydesk-dovecot
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $LOGS/dovecot.log
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 100
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $MTA/users
}
userdb {
  driver = static
  args = uid=relaydesk gid=relaydesk home=$MTA/mail/%d/%n
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
protocol lmtp {
  postmaster_address = postmaster@$DOMAIN
}
CONF
}

postfix_config() {
  postconf -e "inet_interfaces = loopback-only" "inet_protocols = ipv4" "mydestination =" \
    "myhostname = mta.$DOMAIN" "mynetworks = 127.0.0.0/8" \
    "virtual_mailbox_domains = $DOMAIN" "virtual_transport = lmtp:inet:127.0.0.1:$LMTP_PORT" \
    "relayhost = [127.0.0.1]:3025" "smtputf8_enable = no" "maillog_file = /dev/stdout" \
    "compatibility_level = 3.6" "smtp_tls_security_level = none" "smtpd_tls_security_level = none"
  postconf -MX smtp/inet 2>/dev/null || true
  postconf -M "127.0.0.1:$SMTP_PORT/inet=127.0.0.1:$SMTP_PORT inet n - n - - smtpd"
}

up() {
  mkdir -p "$MTA" "$LOGS"
  install_packages
  if port_open "$IMAP_PORT" && port_open "$SMTP_PORT"; then say "postfix + dovecot ... already running"; return 0; fi
  dovecot_config
  postfix_config
  # 9>&-: the daemons must not inherit stack.sh's lock descriptor (they would hold the lock for ever)
  port_open "$IMAP_PORT" || dovecot -c "$MTA/dovecot.conf" 9>&- || die "dovecot did not start (log: $LOGS/dovecot.log)"
  if ! port_open "$SMTP_PORT"; then
    # (it logs to stdout, which goes to postfix.log) start-fg keeps Postfix's master in the foreground: no init system needed (plain `postfix start`
    # gives up silently in containers without one)
    setsid nohup postfix start-fg >>"$LOGS/postfix.log" 2>&1 </dev/null 9>&- &
  fi
  local i
  for i in $(seq 1 40); do port_open "$IMAP_PORT" && port_open "$SMTP_PORT" && break; sleep 0.25; done
  port_open "$IMAP_PORT" || die "dovecot IMAP not listening on $IMAP_PORT (log: $LOGS/dovecot.log)"
  port_open "$SMTP_PORT" || die "postfix SMTP not listening on $SMTP_PORT (log: $LOGS/postfix.log)"
  say "postfix + dovecot ... ready (SMTP 127.0.0.1:$SMTP_PORT, IMAP 127.0.0.1:$IMAP_PORT, users ${USERS[*]/%/@$DOMAIN})"
}

down() {
  postfix stop >/dev/null 2>&1 || true
  [[ -f $MTA/dovecot.conf ]] && doveadm -c "$MTA/dovecot.conf" stop >/dev/null 2>&1 || true
  say "postfix + dovecot ... stopped"
}

status() {
  local s=stopped
  port_open "$IMAP_PORT" && port_open "$SMTP_PORT" && s=running
  printf '%-14s %-9s %s\n' mta "$s" "SMTP $SMTP_PORT, IMAP $IMAP_PORT  (logs: $LOGS/postfix.log, $LOGS/dovecot.log)"
}

case "${1:-status}" in
  up) up ;; down) down ;; status) status ;;
  *) die "usage: deploy/local/mta.sh up|down|status" ;;
esac
