#!/usr/bin/env bash
# Postfix + Dovecot on loopback: the shape of a real mail deployment (SMTP -> Postfix -> LMTP ->
# Dovecot mailbox -> RelayDesk fetching over IMAP), from Debian's packages.
#   deploy/local/mta.sh up|down|status
# Postfix: SMTP 127.0.0.1:2525, mail for @relaydesk.test goes to Dovecot over LMTP (127.0.0.1:10024),
# other domains are relayed to GreenMail's SMTP (127.0.0.1:3025). Dovecot: IMAP 127.0.0.1:10143,
# POP3 127.0.0.1:10110, users support@, sales@, customer@, mailgw-test@, mailgw-pop@relaydesk.test
# with password "secret".
# TLS with a local CA made once with openssl under $RELAYDESK_HOME/mta/tls (ca.pem is what clients
# trust; server.pem is for localhost and 127.0.0.1): Postfix offers STARTTLS on 2525 and implicit TLS
# (SMTPS) on 10465, Dovecot offers STARTTLS on 10143 (IMAP) and 10110 (POP3) and implicit TLS on 10993
# (IMAPS) and 10995 (POP3S). TLS is optional on 2525, 10143 and 10110, and plain logins without TLS stay
# allowed (loopback), so plain clients work as before.
# Postfix uses the machine's /etc/postfix (edited with postconf); Dovecot runs with its own config
# under $RELAYDESK_HOME/mta. Needs root (installs the packages when missing).
set -euo pipefail

RELAYDESK_HOME="${RELAYDESK_HOME:-$HOME/.relaydesk}"
readonly MTA="$RELAYDESK_HOME/mta"
readonly LOGS="$RELAYDESK_HOME/logs"
readonly TLS="$MTA/tls"
readonly SMTP_PORT=2525 SMTPS_PORT=10465 IMAP_PORT=10143 IMAPS_PORT=10993 POP3_PORT=10110 POP3S_PORT=10995 LMTP_PORT=10024
readonly DOMAIN=relaydesk.test PASSWORD=secret
# mailgw-test, mailgw-pop: only mail-gateway-service's module tests use them (POP3 sees only the INBOX,
# so its tests get a mailbox of their own), so they never take other tests' mail
readonly USERS=(support sales customer mailgw-test mailgw-pop)

say() { printf '[mta] %s\n' "$*"; }
die() { printf '[mta] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
all_open() {
  local p
  for p in "$SMTP_PORT" "$SMTPS_PORT" "$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT"; do port_open "$p" || return 1; done
}

install_packages() {
  command -v postfix >/dev/null && command -v dovecot >/dev/null && [[ -e /usr/lib/dovecot/lmtp ]] \
    && [[ -e /usr/lib/dovecot/pop3 ]] && return 0
  [[ $EUID -eq 0 ]] || die "postfix/dovecot missing and not root: apt-get install postfix dovecot-imapd dovecot-pop3d dovecot-lmtpd"
  say "installing postfix, dovecot-imapd, dovecot-pop3d, dovecot-lmtpd from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix dovecot-imapd dovecot-pop3d dovecot-lmtpd \
    >"$LOGS/mta-install.log" 2>&1 || die "apt-get install failed (log: $LOGS/mta-install.log)"
}

# A local CA and a server certificate for localhost / 127.0.0.1 signed by it, made once: existing
# files are kept (clients may have trusted ca.pem already). Only the server part is remade when it
# is missing or no longer matches the CA.
tls_files() {
  command -v openssl >/dev/null || die "openssl missing: apt-get install openssl"
  mkdir -p "$TLS"
  chmod 755 "$TLS"
  if [[ ! -s $TLS/ca.pem || ! -s $TLS/ca.key ]]; then
    say "making a local CA in $TLS (ca.pem)"
    rm -f "$TLS/server.pem" "$TLS/server.key"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=RelayDesk local mail CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$TLS/ca.key" -out "$TLS/ca.pem" >"$LOGS/mta-tls.log" 2>&1 || die "openssl CA failed (log: $LOGS/mta-tls.log)"
  fi
  if [[ ! -s $TLS/server.pem || ! -s $TLS/server.key ]] \
      || ! openssl verify -CAfile "$TLS/ca.pem" "$TLS/server.pem" >/dev/null 2>&1; then
    say "making the mail server certificate for localhost, 127.0.0.1 ($TLS/server.pem)"
    cat >"$TLS/server.ext" <<EXT
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
EXT
    openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/CN=localhost" \
      -keyout "$TLS/server.key" -out "$TLS/server.csr" >>"$LOGS/mta-tls.log" 2>&1 \
      && openssl x509 -req -sha256 -days 3650 -in "$TLS/server.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" \
        -CAcreateserial -extfile "$TLS/server.ext" -out "$TLS/server.pem" >>"$LOGS/mta-tls.log" 2>&1 \
      || die "openssl server certificate failed (log: $LOGS/mta-tls.log)"
    rm -f "$TLS/server.csr"
  fi
  chmod 600 "$TLS/ca.key" "$TLS/server.key"
  chmod 644 "$TLS/ca.pem" "$TLS/server.pem"
}

dovecot_config() {
  mkdir -p "$MTA/dovecot-run" "$MTA/dovecot-state" "$MTA/mail"
  chown relaydesk:relaydesk "$MTA/mail" 2>/dev/null || true
  : >"$MTA/users"
  local u
  for u in "${USERS[@]}"; do printf '%s@%s:{PLAIN}%s\n' "$u" "$DOMAIN" "$PASSWORD" >>"$MTA/users"; done
  cat >"$MTA/dovecot.conf" <<CONF
protocols = imap pop3 lmtp
listen = 127.0.0.1
base_dir = $MTA/dovecot-run/
state_dir = $MTA/dovecot-state
instance_name = relaydesk-dovecot
# TLS offered, not required: STARTTLS on IMAP/POP3, implicit TLS on IMAPS/POP3S; plain logins over loopback stay allowed
ssl = yes
ssl_cert = <$TLS/server.pem
ssl_key = <$TLS/server.key
ssl_min_protocol = TLSv1.2
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
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $POP3_PORT
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $POP3S_PORT
    ssl = yes
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
    "compatibility_level = 3.6" "smtp_tls_security_level = none" \
    "smtpd_tls_security_level = may" "smtpd_tls_cert_file = $TLS/server.pem" "smtpd_tls_key_file = $TLS/server.key" \
    "smtpd_tls_mandatory_protocols = >=TLSv1.2" "smtpd_tls_protocols = >=TLSv1.2" "smtpd_tls_loglevel = 1" "smtpd_tls_received_header = yes"
  postconf -MX smtp/inet 2>/dev/null || true
  postconf -M "127.0.0.1:$SMTP_PORT/inet=127.0.0.1:$SMTP_PORT inet n - n - - smtpd"
  # SMTPS: TLS from the first byte (wrapper mode), as a relay on port 465 offers it
  postconf -M "127.0.0.1:$SMTPS_PORT/inet=127.0.0.1:$SMTPS_PORT inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_tls_security_level=encrypt"
}

up() {
  mkdir -p "$MTA" "$LOGS"
  install_packages
  tls_files
  if all_open; then say "postfix + dovecot ... already running"; return 0; fi
  # an older setup (without IMAPS or POP3): restart Dovecot with the new config (Postfix reloads below)
  if port_open "$IMAP_PORT" && { ! port_open "$IMAPS_PORT" || ! port_open "$POP3S_PORT"; } && [[ -f $MTA/dovecot.conf ]]; then
    doveadm -c "$MTA/dovecot.conf" stop >/dev/null 2>&1 || true
    for _ in $(seq 1 40); do port_open "$IMAP_PORT" || break; sleep 0.25; done
  fi
  dovecot_config
  postfix_config
  # 9>&-: the daemons must not inherit stack.sh's lock descriptor (they would hold the lock for ever)
  # nor the caller's stdout/stderr (a pipe such as `stack up mta | tail` would never see its end)
  port_open "$IMAP_PORT" || dovecot -c "$MTA/dovecot.conf" </dev/null >>"$LOGS/dovecot.log" 2>&1 9>&- || die "dovecot did not start (log: $LOGS/dovecot.log)"
  if ! port_open "$SMTP_PORT"; then
    # (it logs to stdout, which goes to postfix.log) start-fg keeps Postfix's master in the foreground: no init system needed (plain `postfix start`
    # gives up silently in containers without one)
    setsid nohup postfix start-fg >>"$LOGS/postfix.log" 2>&1 </dev/null 9>&- &
  else
    postfix reload >/dev/null 2>&1 || true
  fi
  local i
  for i in $(seq 1 40); do all_open && break; sleep 0.25; done
  local p
  for p in "$IMAP_PORT" "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT"; do
    port_open "$p" || die "dovecot not listening on $p (log: $LOGS/dovecot.log)"
  done
  for p in "$SMTP_PORT" "$SMTPS_PORT"; do
    port_open "$p" || die "postfix not listening on $p (log: $LOGS/postfix.log)"
  done
  say "postfix + dovecot ... ready (SMTP 127.0.0.1:$SMTP_PORT with STARTTLS, SMTPS $SMTPS_PORT, IMAP $IMAP_PORT and POP3 $POP3_PORT with STARTTLS, IMAPS $IMAPS_PORT, POP3S $POP3S_PORT; CA $TLS/ca.pem; users ${USERS[*]/%/@$DOMAIN})"
}

down() {
  postfix stop >/dev/null 2>&1 || true
  [[ -f $MTA/dovecot.conf ]] && doveadm -c "$MTA/dovecot.conf" stop >/dev/null 2>&1 || true
  say "postfix + dovecot ... stopped"
}

status() {
  local s=stopped
  all_open && s=running
  printf '%-14s %-9s %s\n' mta "$s" "SMTP $SMTP_PORT (STARTTLS), SMTPS $SMTPS_PORT, IMAP $IMAP_PORT / POP3 $POP3_PORT (STARTTLS), IMAPS $IMAPS_PORT, POP3S $POP3S_PORT  (CA: $TLS/ca.pem; logs: $LOGS/postfix.log, $LOGS/dovecot.log)"
}

case "${1:-status}" in
  up) up ;; down) down ;; status) status ;;
  *) die "usage: deploy/local/mta.sh up|down|status" ;;
esac
