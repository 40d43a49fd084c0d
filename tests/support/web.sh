# tests/support/web.sh — throwaway web servers on 127.0.0.1 for the update-URL tests. Source
# it, then `web_start DIR` (DIR: an empty folder of the test's own) starts:
#   - nginx (Debian's), no daemon, its prefix, pid, logs and temp folders in DIR, serving
#     DIR/www over http and https (a CA and a server certificate for 127.0.0.1 and localhost
#     made here with openssl), with a few redirect and slow locations (see the config below);
#   - tests/support/web_helper.py, a python3 http.server for the misbehaving servers nginx
#     will not play: one that stalls mid-body, one that closes early, one that sends no length;
# and exports where they are:
#   FACTS_WEB_ROOT        DIR/www, the served folder (DIR/www/<name>/content.db ...)
#   FACTS_WEB_HTTP        http://127.0.0.1:PORT        FACTS_WEB_HTTPS   https://localhost:PORT
#   FACTS_WEB_HELPER      http://127.0.0.1:PORT        FACTS_WEB_DOWN    http://127.0.0.1:PORT (nothing listens)
#   FACTS_WEB_CA          the test CA (PEM)            FACTS_WEB_ACCESS_LOG  nginx's access log
# The access log has one line per request: time, "request", status, bytes sent in all, body
# bytes, bytes of the request, If-None-Match. `web_stop` ends both servers (also call it from the test's trap).
# Proxies from the environment are switched off for 127.0.0.1 and localhost (no_proxy).

web_nginx_pid='' web_helper_pid=''

web_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

web_listening() { # PORT: something accepts connections on 127.0.0.1:PORT
  python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.5).close()' "$1" 2>/dev/null
}

web_make_certificates() { # DIR
  local dir=$1
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=FACTS test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" 2>/dev/null || return 1
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
    -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null || return 1
  printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$dir/server.ext"
  openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -days 2 \
    -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
}

web_write_config() { # DIR HTTP_PORT HTTPS_PORT
  local dir=$1
  cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log info;
events { worker_connections 512; }
http {
  log_format facts '\$msec "\$request" \$status \$bytes_sent \$body_bytes_sent \$request_length "\$http_if_none_match"';
  access_log $dir/access.log facts;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  types { }
  default_type application/octet-stream;
  sendfile on;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:$2;
    listen 127.0.0.1:$3 ssl;
    server_name localhost 127.0.0.1;
    ssl_certificate $dir/server.pem;
    ssl_certificate_key $dir/server.key;
    root $dir/www;
    # Redirects: /hop1/ is three hops from /facts/ (followed), /hop0/ four (refused); /loop/ never ends.
    location /hop0/ { rewrite ^/hop0/(.*)\$ /hop1/\$1 redirect; }
    location /hop1/ { rewrite ^/hop1/(.*)\$ /hop2/\$1 redirect; }
    location /hop2/ { rewrite ^/hop2/(.*)\$ /hop3/\$1 redirect; }
    location /hop3/ { rewrite ^/hop3/(.*)\$ /facts/\$1 redirect; }
    location /loop/ { return 302 \$request_uri; }
    location /tofile/ { return 302 file:///etc/hostname; }
    # A server that drips: 200 bytes a second after the first 64 KiB.
    location /slow/ { alias $dir/www/facts/; limit_rate_after 64k; limit_rate 200; }
    # A modest link: 16 MB a second (a large pack takes a while to arrive).
    location /paced/ { alias $dir/www/facts/; limit_rate 16m; }
  }
}
EOF
}

web_start() { # DIR
  local dir=$1 http https helper down
  unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
  export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
  mkdir -p "$dir/www" "$dir/tmp" || return 1
  command -v nginx >/dev/null || PATH=$PATH:/usr/sbin
  command -v nginx >/dev/null || { echo "web.sh: nginx is not installed (toolchain/deps.sh installs it)" >&2; return 1; }
  web_make_certificates "$dir" || { echo "web.sh: openssl could not make the test certificates" >&2; return 1; }
  http=$(web_free_port) https=$(web_free_port) helper=$(web_free_port) down=$(web_free_port)
  web_write_config "$dir" "$http" "$https"
  nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" >"$dir/nginx.out" 2>&1 &
  web_nginx_pid=$!
  python3 "$(dirname "${BASH_SOURCE[0]}")/web_helper.py" "$helper" "$dir/www" >"$dir/helper.log" 2>&1 &
  web_helper_pid=$!
  export FACTS_WEB_ROOT=$dir/www FACTS_WEB_CA=$dir/ca.pem FACTS_WEB_ACCESS_LOG=$dir/access.log
  export FACTS_WEB_HTTP=http://127.0.0.1:$http FACTS_WEB_HTTPS=https://localhost:$https
  export FACTS_WEB_HELPER=http://127.0.0.1:$helper FACTS_WEB_DOWN=http://127.0.0.1:$down
  local _
  for _ in $(seq 100); do
    if web_listening "$http" && web_listening "$https" && web_listening "$helper"; then
      : >"$dir/access.log"
      return 0
    fi
    sleep 0.05
  done
  echo "web.sh: the servers did not come up:" >&2
  cat "$dir/nginx.out" "$dir/error.log" "$dir/helper.log" >&2 2>/dev/null
  return 1
}

web_stop() {
  [ -n "$web_nginx_pid" ] && kill "$web_nginx_pid" 2>/dev/null && wait "$web_nginx_pid" 2>/dev/null
  [ -n "$web_helper_pid" ] && kill "$web_helper_pid" 2>/dev/null && wait "$web_helper_pid" 2>/dev/null
  web_nginx_pid='' web_helper_pid=''
}
