package aio

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"strconv"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
)

// Conn is a TCP connection, or TLS over one, as open_connection and
// start_server give it to scripts: a Reader for what arrives and a Writer
// for what is sent. Closing the Writer closes the connection once what was
// written is sent; the Reader then sees the end of the stream. The end of
// what the peer sends leaves the sending half open, as in asyncio. A read
// or write error loses the connection: the Reader raises it, and so do
// drain and wait_closed.
//
// Its methods and fields are for the goroutine acting for its loop.
type Conn struct {
	env    *Env
	nc     net.Conn
	src    *source // of R, made first for shutdown
	sk     *sink   // of W
	R      *Reader
	W      *Writer
	lost   bool
	onLost []func()
}

// newConn registers nc, a connection made on another goroutine, with env;
// start starts it on the loop. nc is closed when env is shut down.
func newConn(env *Env, nc net.Conn) (*Conn, error) {
	c := &Conn{env: env, nc: nc, src: newSource(), sk: newSink()}
	if err := env.add(c); err != nil {
		nc.Close()
		return nil, err
	}
	return c, nil
}

// start makes the connection's Reader (with limit) and Writer on loop l
// and starts their goroutines.
func (c *Conn) start(l *loop.Loop, limit int) error {
	c.R = &Reader{l: l, limit: limit}
	c.W = newWriter(l, c.R)
	c.W.lose = c.connectionLost
	var closeWrite func() error
	if hw, ok := c.nc.(interface{ CloseWrite() error }); ok {
		closeWrite = hw.CloseWrite
	}
	if !c.R.attach(c.env, c.src, c.nc, c.readEnd) || !c.W.attach(c.env, c.sk, c.nc, closeWrite, c.nc.Close) {
		c.nc.Close()
		return ErrClosed
	}
	return nil
}

// readEnd handles the end of what the reading goroutine reads.
func (c *Conn) readEnd(err error) {
	switch {
	case err == io.EOF:
		c.R.FeedEOF()
	case errors.Is(err, net.ErrClosed):
		c.connectionLost(nil)
	default:
		c.connectionLost(err)
	}
}

// connectionLost ends the connection: the descriptor is closed, the
// Reader gets the end of the stream or err, the Writer is lost.
func (c *Conn) connectionLost(err error) {
	if c.lost {
		return
	}
	c.lost = true
	c.nc.Close()
	c.R.src.stop()
	if err == nil {
		c.R.FeedEOF()
	} else {
		c.R.SetException(err)
	}
	c.W.lostWith(err)
	c.env.remove(c)
	for _, fn := range c.onLost {
		fn()
	}
}

// shutdown closes the connection for Env.Shutdown, from any goroutine.
func (c *Conn) shutdown() {
	c.nc.Close()
	c.src.stop()
	c.sk.stop()
}

// PeerAddr returns the address of the other end.
func (c *Conn) PeerAddr() net.Addr { return c.nc.RemoteAddr() }

// LocalAddr returns the address of this end.
func (c *Conn) LocalAddr() net.Addr { return c.nc.LocalAddr() }

// TLS reports whether the connection is over TLS.
func (c *Conn) TLS() bool {
	_, ok := c.nc.(*tls.Conn)
	return ok
}

// DialConfig is what Dial connects to, and how, as net.Dialer is.
type DialConfig struct {
	Host  string
	Port  int
	TLS   bool // TLS with the system's roots
	Limit int  // of the connection's Reader (DefaultLimit, say)
}

// Dial is open_connection(host, port): if the permissions grant it, it
// connects (off the loop: t waits, counted as outside work) as cfg says,
// and returns the connection. op names the call for a PermissionError.
// Cancelling t stops the attempt.
func (e *Env) Dial(t *loop.Task, op string, cfg DialConfig) (*Conn, error) {
	host, port, useTLS, limit := cfg.Host, cfg.Port, cfg.TLS, cfg.Limit
	if err := e.cfg.Perm.CheckNet(op, host, port); err != nil {
		return nil, err
	}
	if limit <= 0 {
		return nil, errorf(pyexc.ValueError, "Limit cannot be <= 0")
	}
	v, err := e.off(t, func(ctx context.Context) (any, error) {
		var d net.Dialer
		nc, err := d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
		if err != nil {
			return nil, connectError(err, host, port)
		}
		if useTLS {
			tc := tls.Client(nc, &tls.Config{ServerName: host})
			if err := tc.HandshakeContext(ctx); err != nil {
				nc.Close()
				return nil, err
			}
			nc = tc
		}
		return nc, nil
	}, func(v any) { v.(net.Conn).Close() })
	if err != nil {
		return nil, err
	}
	c, err := newConn(e, v.(net.Conn))
	if err != nil {
		return nil, err
	}
	return c, c.start(t.Loop(), limit)
}
