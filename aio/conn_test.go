package aio

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"testing"

	"github.com/asyncrun/asyncrun/loop"
	"go.uber.org/goleak"
)

// echo starts an echo server on 127.0.0.1: each connection's lines come
// back until the client ends its side, then the server closes it.
func echo(t *testing.T, env *Env, task *loop.Task) *Server {
	t.Helper()
	l := task.Loop()
	s, err := env.Listen(task, "start_server", ListenConfig{Host: "127.0.0.1", Port: 0, Limit: DefaultLimit, Serve: true}, func(c *Conn) {
		loop.NewTask(l, "handler", func(task *loop.Task) (any, error) {
			for {
				line, err := c.R.ReadLine(task)
				if err != nil || len(line) == 0 {
					break
				}
				c.W.Write(line)
				if err := c.W.Drain(task); err != nil {
					return nil, err
				}
			}
			c.W.Close()
			return nil, c.W.WaitClosed(task)
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func port(s *Server) int {
	_, p := HostPort(s.Addrs()[0])
	return p
}

func TestEchoManyClients(t *testing.T) {
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{Clock: loop.NewClock(true)})
	defer l.Close()
	const clients, lines = 20, 50
	got, err := runTask(t, l, func(task *loop.Task) (any, error) {
		s := echo(t, env, task)
		var fs []*loop.Future
		for i := range clients {
			c, _ := loop.NewTask(l, "client", func(task *loop.Task) (any, error) {
				c, err := env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: port(s), TLS: false, Limit: DefaultLimit})
				if err != nil {
					return nil, err
				}
				n := 0
				for j := range lines {
					c.W.Write(fmt.Appendf(nil, "client %d line %d\n", i, j))
					line, err := c.R.ReadLine(task)
					if err != nil {
						return nil, err
					}
					if string(line) != fmt.Sprintf("client %d line %d\n", i, j) {
						return nil, fmt.Errorf("got %q", line)
					}
					n++
				}
				c.W.WriteEOF()
				if rest, err := c.R.Read(task, -1); err != nil || len(rest) != 0 {
					return nil, fmt.Errorf("after the end: %q, %v", rest, err)
				}
				c.W.Close()
				return n, c.W.WaitClosed(task)
			})
			fs = append(fs, &c.Future)
		}
		v, err := task.Await(loop.Gather(l, fs, false))
		s.Close()
		if werr := s.WaitClosed(task); werr != nil {
			return nil, werr
		}
		return v, err
	})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, n := range got.([]any) {
		total += n.(int)
	}
	if total != clients*lines {
		t.Errorf("got %d lines back, want %d", total, clients*lines)
	}
}

// TestRefused: connecting to a port nobody listens on is
// ConnectionRefusedError's errno, worded as CPython's.
func TestRefused(t *testing.T) {
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	l := loop.New(loop.Options{})
	defer l.Close()
	_, err = runTask(t, l, func(task *loop.Task) (any, error) {
		return env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: p, TLS: true, Limit: DefaultLimit})
	})
	var oe *OSError
	if !errors.As(err, &oe) || oe.Errno != syscall.ECONNREFUSED || oe.Msg != fmt.Sprintf("Connect call failed ('127.0.0.1', %d)", p) {
		t.Errorf("got %v, want ECONNREFUSED", err)
	}
}

// TestServerClosesMidRead: a server that closes the connection while the
// client waits in readexactly: IncompleteReadError with what came.
func TestServerClosesMidRead(t *testing.T) {
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{})
	defer l.Close()
	_, err := runTask(t, l, func(task *loop.Task) (any, error) {
		s, err := env.Listen(task, "start_server", ListenConfig{Host: "127.0.0.1", Port: 0, Limit: DefaultLimit, Serve: true}, func(c *Conn) {
			c.W.Write([]byte("partial"))
			c.W.Close()
		})
		if err != nil {
			return nil, err
		}
		defer s.Close()
		c, err := env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: port(s), TLS: false, Limit: DefaultLimit})
		if err != nil {
			return nil, err
		}
		defer c.W.Close()
		_, err = c.R.ReadExactly(task, 100)
		return nil, err
	})
	var ie *IncompleteReadError
	if !errors.As(err, &ie) || string(ie.Partial) != "partial" || ie.Expected != 100 {
		t.Errorf("got %v, want IncompleteReadError with partial", err)
	}
}

// TestFlowControl: a writer past the high-water mark waits in drain until
// the peer reads; a reader past twice its limit pauses the socket and
// loses nothing.
func TestFlowControl(t *testing.T) {
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{})
	defer l.Close()
	const size = 4 << 20
	var paused, drained bool
	got, err := runTask(t, l, func(task *loop.Task) (any, error) {
		done := loop.NewFuture(l)
		s, err := env.Listen(task, "start_server", ListenConfig{Host: "127.0.0.1", Port: 0, Limit: 1024, Serve: true}, func(c *Conn) {
			loop.NewTask(l, "reader", func(task *loop.Task) (any, error) {
				for range 200 { // let the buffers fill
					if paused = c.R.Paused(); paused {
						break
					}
					loop.Sleep(task, 0.01, nil)
				}
				b, err := c.R.Read(task, -1)
				c.W.Close()
				done.SetResult(len(b))
				return nil, err
			})
		})
		if err != nil {
			return nil, err
		}
		defer s.Close()
		c, err := env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: port(s), TLS: false, Limit: DefaultLimit})
		if err != nil {
			return nil, err
		}
		data := bytes.Repeat([]byte("x"), size)
		c.W.Write(data)
		drained = c.W.paused
		if err := c.W.Drain(task); err != nil {
			return nil, err
		}
		c.W.Close()
		return task.Await(done)
	})
	if err != nil || got != size {
		t.Errorf("got %v, %v, want %d bytes", got, err, size)
	}
	if !paused || !drained {
		t.Errorf("reader paused %v, writer over the high-water mark %v, want both", paused, drained)
	}
}

// TestShutdownClosesEverything: Env.Close closes a server and connections
// that a script left open, and their goroutines end.
func TestShutdownClosesEverything(t *testing.T) {
	defer goleak.VerifyNone(t)
	env := NewEnv(Config{Perm: all})
	l := loop.New(loop.Options{})
	defer l.Close()
	_, err := runTask(t, l, func(task *loop.Task) (any, error) {
		s := echo(t, env, task)
		_, err := env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: port(s), TLS: false, Limit: DefaultLimit})
		return nil, err
	})
	if err != nil {
		t.Fatal(err)
	}
	closeEnv(t, env)
	_, err = runTask(t, l, func(task *loop.Task) (any, error) {
		return env.Dial(task, "open_connection", DialConfig{Host: "127.0.0.1", Port: 1, TLS: false, Limit: DefaultLimit})
	})
	if !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: got %v, want ErrClosed", err)
	}
}

func TestNetDenied(t *testing.T) {
	env := NewEnv(Config{})
	defer closeEnv(t, env)
	l := loop.New(loop.Options{})
	defer l.Close()
	_, err := runTask(t, l, func(task *loop.Task) (any, error) {
		return env.Listen(task, "start_server(cb, '127.0.0.1', 0)", ListenConfig{Host: "127.0.0.1", Port: 0, Limit: DefaultLimit, Serve: true}, nil)
	})
	if err == nil || !strings.Contains(err.Error(), "network access is not granted; run with -allow-net") {
		t.Errorf("got %v", err)
	}
}
