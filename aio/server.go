package aio

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
)

// Server is what start_server returns: a listener whose goroutine accepts
// connections and hands each, on the loop's goroutine, to the handler. It
// follows CPython 3.11's asyncio.Server: Close stops listening and leaves
// the connections open; WaitClosed waits (if Close has not been called
// yet) until it is called and the connections have ended; ServeForever
// waits until it is cancelled or the server closed.
//
// Its methods are for the goroutine acting for its loop.
type Server struct {
	env     *Env
	l       *loop.Loop
	ln      net.Listener
	limit   int
	handler func(*Conn)
	serving bool
	closed  bool
	active  int            // connections not yet lost
	waiters []*loop.Future // of WaitClosed; nil once woken
	woken   bool
	forever *loop.Future // of ServeForever
}

// ListenConfig is where Listen listens, and how, as net.ListenConfig is.
type ListenConfig struct {
	Host  string // "" is every interface
	Port  int    // 0 picks a free port
	Limit int    // of each connection's Reader (DefaultLimit, say)
	Serve bool   // start accepting at once (see StartServing)
}

// Listen is start_server(cb, host, port): if the permissions grant it, it
// listens as cfg says, off the loop, and, if cfg.Serve is set, starts
// accepting (see StartServing): each connection goes to handler on the
// loop's goroutine.
func (e *Env) Listen(t *loop.Task, op string, cfg ListenConfig, handler func(*Conn)) (*Server, error) {
	host, port, limit, serve := cfg.Host, cfg.Port, cfg.Limit, cfg.Serve
	if err := e.cfg.Perm.CheckNet(op, host, port); err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, errorf(pyexc.ValueError, "Limit cannot be <= 0")
	}
	v, err := e.off(t, func(ctx context.Context) (any, error) {
		var lc net.ListenConfig
		ln, err := lc.Listen(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
		if err != nil {
			return nil, bindError(err, host, port)
		}
		return ln, nil
	}, func(v any) { v.(net.Listener).Close() })
	if err != nil {
		return nil, err
	}
	s := &Server{env: e, l: t.Loop(), ln: v.(net.Listener), limit: limit, handler: handler}
	if err := e.add(s); err != nil {
		s.ln.Close()
		return nil, err
	}
	if serve {
		s.StartServing()
	}
	return s, nil
}

// String returns CPython's form: <Server sockets=(<asyncio.TransportSocket
// laddr=('127.0.0.1', 8888)>,)>.
func (s *Server) String() string {
	var b strings.Builder
	b.WriteString("<Server sockets=(")
	for _, a := range s.Addrs() {
		host, port := HostPort(a)
		fmt.Fprintf(&b, "<asyncio.TransportSocket laddr=('%s', %d)>,", host, port)
	}
	b.WriteString(")>")
	return b.String()
}

// HostPort returns the host and port of a TCP address.
func HostPort(a net.Addr) (string, int) {
	if ta, ok := a.(*net.TCPAddr); ok {
		return ta.IP.String(), ta.Port
	}
	host, port, _ := net.SplitHostPort(a.String())
	n, _ := strconv.Atoi(port)
	return host, n
}

// Addrs returns the addresses the server listens on: none once closed.
func (s *Server) Addrs() []net.Addr {
	if s.closed {
		return nil
	}
	return []net.Addr{s.ln.Addr()}
}

// IsServing reports whether the server accepts connections.
func (s *Server) IsServing() bool { return s.serving }

// StartServing starts accepting connections, if it has not yet.
func (s *Server) StartServing() {
	if s.serving || s.closed {
		return
	}
	s.serving = true
	s.env.spawn(s.accept)
}

// accept is the accepting goroutine.
func (s *Server) accept() {
	for {
		nc, err := s.ln.Accept()
		switch {
		case errors.Is(err, net.ErrClosed):
			return
		case errors.Is(err, syscall.ECONNABORTED):
			continue
		case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE), errors.Is(err, syscall.ENOBUFS), errors.Is(err, syscall.ENOMEM):
			time.Sleep(100 * time.Millisecond) // as CPython, wait for descriptors to be freed
			continue
		case err != nil:
			return
		}
		c, err := newConn(s.env, nc)
		if err != nil {
			return
		}
		if !post(s.l, func() { s.accepted(c) }) {
			nc.Close()
			return
		}
	}
}

// accepted starts connection c and hands it to the handler.
func (s *Server) accepted(c *Conn) {
	if s.closed || c.start(s.l, s.limit) != nil {
		c.nc.Close()
		s.env.remove(c)
		return
	}
	s.active++
	c.onLost = append(c.onLost, s.detach)
	s.handler(c)
}

// detach notes the end of one of the server's connections.
func (s *Server) detach() {
	s.active--
	if s.active == 0 && s.closed {
		s.wakeup()
	}
}

// wakeup lets WaitClosed's waiters go on.
func (s *Server) wakeup() {
	if s.woken {
		return
	}
	s.woken = true
	for _, f := range s.waiters {
		if !f.Done() {
			f.SetResult(nil)
		}
	}
	s.waiters = nil
}

// Close stops listening; the connections stay open.
func (s *Server) Close() {
	if s.closed {
		return
	}
	s.closed = true
	s.ln.Close()
	s.env.remove(s)
	s.serving = false
	if f := s.forever; f != nil && !f.Done() {
		f.Cancel(nil)
		s.forever = nil
	}
	if s.active == 0 {
		s.wakeup()
	}
}

// shutdown closes the listener for Env.Shutdown, from any goroutine.
func (s *Server) shutdown() { s.ln.Close() }

// WaitClosed is wait_closed() as in CPython 3.11: once Close was called it
// returns at once; before, it waits until Close is called and the
// connections have ended.
func (s *Server) WaitClosed(t *loop.Task) error {
	if s.closed || s.woken {
		return nil
	}
	f := loop.NewFuture(s.l)
	f.SetLabel("Server.wait_closed()")
	s.waiters = append(s.waiters, f)
	_, err := t.Await(f)
	return err
}

// ServeForever accepts connections until t is cancelled (the server is
// then closed, and the cancellation returned) or the server is closed.
// While it waits, the loop counts it as outside work: a connection may
// come at any time.
func (s *Server) ServeForever(t *loop.Task) error {
	if s.forever != nil {
		return errorf(pyexc.RuntimeError, "server %s is already being awaited on serve_forever()", s)
	}
	if s.closed {
		return errorf(pyexc.RuntimeError, "server %s is closed", s)
	}
	s.StartServing()
	f := loop.NewFuture(s.l)
	f.SetLabel("Server.serve_forever()")
	s.forever = f
	_, err := awaitIO(t, f)
	if loop.IsCancellation(err) {
		s.Close()
		if werr := s.WaitClosed(t); werr != nil {
			err = werr
		}
	}
	if s.forever == f {
		s.forever = nil
	}
	return err
}
