package aio

import (
	"net"
	"strconv"
	"strings"
)

// Permissions say what the scripts of an interpreter may reach outside it.
// Each list is nil (nothing is granted: the default), empty and not nil
// (everything of its kind is granted), or the entries granted. No
// permission implies another.
type Permissions struct {
	// Net grants connecting (open_connection) and listening
	// (start_server). Entries are "host:port", "host" (any port) or
	// ":port" (any host); hosts are compared as written, without
	// resolving names ("localhost" does not grant "127.0.0.1"). A server
	// given no host listens on every interface: only an empty list or a
	// ":port" entry grants it.
	Net []string
	// Run grants starting programs. An entry grants the program as the
	// script names it, or the file the entry names on the PATH (entry
	// "sh" grants "sh" and the path exec.LookPath finds for it). A shell
	// command needs "sh". See CheckRun for how the program that runs is
	// resolved and what env= may not set.
	Run []string
	// Read and Write grant opening files for reading and for writing:
	// entries are folders or files. A folder is a root (see os.Root):
	// files are opened through it, symbolic links are followed only while
	// they stay inside it, and a path that leaves it (by ".." or a link,
	// dangling or not) is a PermissionError naming the path as the script
	// wrote it. See Env.Open.
	Read, Write []string
}

// PermissionError is an operation the permissions do not grant. Its text
// names the operation, what it needed, and the flag that grants it:
// "open_connection('example.com', 80): network access is not granted; run
// with -allow-net".
type PermissionError struct {
	Op   string // the operation as the script wrote it
	What string // "network access", "network access to example.com:80", ...
	Hint string // "run with -allow-net", "add example.com:80 to -allow-net"
}

// Error returns "op: what is not granted; hint".
func (e *PermissionError) Error() string {
	return e.Op + ": " + e.What + " is not granted; " + e.Hint
}

// CheckNet returns nil if connecting to or listening on host:port is
// granted; host "" is every interface. op names the operation for the
// error.
func (p *Permissions) CheckNet(op, host string, port int) error {
	if p.Net == nil {
		return &PermissionError{Op: op, What: "network access", Hint: "run with -allow-net"}
	}
	if len(p.Net) == 0 {
		return nil
	}
	for _, e := range p.Net {
		eh, ep := splitNetEntry(e)
		if (eh == "" || (host != "" && strings.EqualFold(eh, host))) && (ep < 0 || ep == port) {
			return nil
		}
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	if port == 0 {
		// Port 0 is a port the system picks, which clients then connect
		// to: granting host:0 would refuse them; grant the host.
		if host == "" {
			return &PermissionError{Op: op, What: "listening on every interface (:0)", Hint: "give a host and grant it: host=\"127.0.0.1\" with -allow-net=127.0.0.1"}
		}
		return &PermissionError{Op: op, What: "network access to " + addr, Hint: "grant the host, as port 0 picks a port: -allow-net=" + hostEntry(host)}
	}
	if host == "" {
		addr = ":" + strconv.Itoa(port)
		return &PermissionError{Op: op, What: "listening on every interface (" + addr + ")", Hint: "add " + addr + " to -allow-net, or give a host"}
	}
	return &PermissionError{Op: op, What: "network access to " + addr, Hint: "add " + addr + " to -allow-net"}
}

// hostEntry writes host as an -allow-net entry: an IPv6 address in
// brackets.
func hostEntry(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

// splitNetEntry returns the host and port of a Net entry; port -1 is any.
func splitNetEntry(e string) (host string, port int) {
	if h, p, err := net.SplitHostPort(e); err == nil {
		if n, err := strconv.Atoi(p); err == nil {
			return strings.Trim(h, "[]"), n
		}
	}
	return strings.Trim(e, "[]"), -1
}
