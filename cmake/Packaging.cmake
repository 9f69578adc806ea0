# Debian packages, made by CPack from the install rules (deploy/package.sh runs it):
#   junheng-server   component `server`: the server, its unit, /etc/junheng/server.toml, the web
#                    console, junheng-make-certs; maintainer scripts in deploy/debian/junheng-server/
#   junheng          component `client`: the command line, the agent's user unit, the sample data
# Library dependencies are read from the binaries by dpkg-shlibdeps (dpkg-dev), so the packages
# name Debian 12's libraries instead of carrying copies of them.

# CPack packages the build as it is: deploy/package.sh builds first, and the package test runs
# while ctest holds a built tree, so neither `cpack` nor `make install` starts a build.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME junheng)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "junheng")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Debug information stays in the build tree; the packages carry stripped binaries.
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL server client)
# Descriptions: a summary line, then the long description; CPack indents it as dpkg wants.

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # junheng-server_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "junheng maintainers <maintainers@junheng.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME junheng-server)
# adduser: the postinst makes the system user; openssl: junheng-make-certs.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, openssl")
# The operator administers the server with the client on the same machine.
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "junheng (= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
  "county education reporting server (junheng 均衡)
junheng-server receives the compulsory-education indicator reports of a county's schools over
gRPC with TLS, keeps every version in RocksDB, serves the web console and the HTTP API, and
evaluates the county against the national method for high-quality balanced development.
It runs as the systemd service junheng-server under the system user junheng; see
/usr/share/doc/junheng-server/operator-guide.md.")
set(JUNHENG_DEBIAN_SCRIPTS ${PROJECT_SOURCE_DIR}/deploy/debian/junheng-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  ${JUNHENG_DEBIAN_SCRIPTS}/conffiles ${JUNHENG_DEBIAN_SCRIPTS}/postinst
  ${JUNHENG_DEBIAN_SCRIPTS}/prerm ${JUNHENG_DEBIAN_SCRIPTS}/postrm)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME junheng)
set(CPACK_COMPONENT_CLIENT_DESCRIPTION
  "county education reporting client (junheng 均衡)
junheng is the command line of school clerks and the county bureau: it validates and submits
school reports through a durable outbox, imports the school registry, lists who has reported
and evaluates the county. The agent (a systemd user unit, junheng-agent) delivers the outbox
in the background.")

include(CPack)
