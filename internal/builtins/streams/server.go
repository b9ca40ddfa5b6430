package streams

import (
	"net"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// startServer is asyncio.start_server(client_connected_cb, host=None,
// port=None, *, limit=2**16, start_serving=True, backlog=100,
// reuse_address=None, reuse_port=None, ssl=None): a coroutine that
// listens and returns a Server. For each connection, cb(reader, writer) is
// called on the loop; a coroutine it returns runs as a task, whose
// exception is reported as CPython's ("Unhandled exception in
// client_connected_cb") and closes the connection. backlog and the reuse
// flags are accepted and ignored (Go sets SO_REUSEADDR); ssl must be None.
func startServer(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (builtins.NativeBody, error) {
	var cb starlark.Callable
	var host, port, ssl, backlog, reuseAddr, reusePort starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	limit := aio.DefaultLimit
	startServing := true
	if err := starlark.UnpackArgs("start_server", args, kwargs, "client_connected_cb", &cb, "host?", &host, "port?", &port,
		"limit?", &limit, "start_serving?", &startServing, "backlog?", &backlog, "reuse_address?", &reuseAddr,
		"reuse_port?", &reusePort, "ssl?", &ssl); err != nil {
		return nil, err
	}
	op := opText("start_server", host, port)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		h, p, err := hostPortArgs("start_server", host, port, true)
		if err != nil {
			return nil, err
		}
		if ssl != starlark.None {
			return nil, builtins.Errorf(pyexc.TypeError, "start_server: ssl is not supported (it must be None)")
		}
		env, lv, serve := builtins.IO(th), builtins.LoopValue(t), builtins.ServeClient(th, t, cb)
		return builtins.Suspend(th, t, func() (any, error) {
			s, err := env.Listen(t, op, aio.ListenConfig{Host: h, Port: p, Limit: limit, Serve: startServing}, func(c *aio.Conn) {
				r, w := connValues(th, c)
				serve(r, w, func() { c.W.Close() })
			})
			if err != nil {
				return nil, builtins.IOError(err)
			}
			return &serverValue{Object: builtins.NewObjectOf(th), s: s, lv: lv}, nil
		})
	}, nil
}

// serverValue is the Server start_server returns; with_ enters it as
// `async with server:` does (the block gets the server; at its end the
// server is closed and waited for).
type serverValue struct {
	builtins.Object
	s  *aio.Server
	lv starlark.Value // the loop it serves on
}

var (
	_ starlark.HasAttrs       = (*serverValue)(nil)
	_ builtins.ContextManager = (*serverValue)(nil)
)

func (v *serverValue) String() string { return v.s.String() }
func (v *serverValue) Type() string   { return "Server" }

// Attr returns the methods and the attribute sockets.
func (v *serverValue) Attr(name string) (starlark.Value, error) {
	if name == "sockets" {
		addrs := v.s.Addrs()
		socks := make(starlark.Tuple, len(addrs))
		for i, a := range addrs {
			socks[i] = &socketValue{local: a}
		}
		return socks, nil
	}
	return serverMethods.Attr(v, name), nil
}

func (v *serverValue) AttrNames() []string { return serverMethods.Names("sockets") }

func (v *serverValue) Enter(thread *starlark.Thread) (starlark.Value, error) { return v, nil }

// exit closes the server and awaits wait_closed(), letting the block's
// exception through.
func (v *serverValue) Exit(thread *starlark.Thread, err error) error {
	v.s.Close()
	if _, werr := builtins.Await(thread, serverWaitClosedCoro(v.s)); werr != nil {
		return werr
	}
	return err
}

var serverMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"close":         serverClose,
	"get_loop":      serverGetLoop,
	"is_serving":    serverIsServing,
	"serve_forever": serverServeForever,
	"start_serving": serverStartServing,
	"wait_closed":   serverWaitClosed,
})

func recvServer(b *starlark.Builtin) *serverValue { return b.Receiver().(*serverValue) }

func serverClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	recvServer(b).s.Close()
	return starlark.None, nil
}

func serverGetLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return recvServer(b).lv, nil
}

func serverIsServing(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvServer(b).s.IsServing()), nil
}

// serverServeForever is serve_forever(), a coroutine.
func serverServeForever(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvServer(b).s
	return builtins.Suspending("Server.serve_forever", func(t *loop.Task) (any, error) { return nil, builtins.IOError(s.ServeForever(t)) }), nil
}

// serverStartServing is start_serving(), a coroutine.
func serverStartServing(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvServer(b).s
	return builtins.Suspending("Server.start_serving", func(t *loop.Task) (any, error) {
		s.StartServing()
		_, err := loop.Sleep(t, 0, nil)
		return nil, err
	}), nil
}

// serverWaitClosed is wait_closed(), a coroutine.
func serverWaitClosed(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return serverWaitClosedCoro(recvServer(b).s), nil
}

func serverWaitClosedCoro(s *aio.Server) starlark.Value {
	return builtins.Suspending("Server.wait_closed", func(t *loop.Task) (any, error) { return nil, builtins.IOError(s.WaitClosed(t)) })
}

// socketValue is a socket as Server.sockets and
// get_extra_info('socket') give it: getsockname() and getpeername().
type socketValue struct {
	local, peer net.Addr // peer nil for a listening socket
}

var _ starlark.HasAttrs = (*socketValue)(nil)

func (v *socketValue) String() string {
	host, port := aio.HostPort(v.local)
	return "<asyncio.TransportSocket family=2, type=1, proto=6, laddr=" + builtins.Repr(starlark.Tuple{starlark.String(host), starlark.MakeInt(port)}) + ">"
}
func (v *socketValue) Type() string          { return "TransportSocket" }
func (v *socketValue) Freeze()               {}
func (v *socketValue) Truth() starlark.Bool  { return true }
func (v *socketValue) Hash() (uint32, error) { return starlark.String(v.String()).Hash() }
func (v *socketValue) Attr(name string) (starlark.Value, error) {
	return socketMethods.Attr(v, name), nil
}
func (v *socketValue) AttrNames() []string { return socketMethods.Names() }

var socketMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"getpeername": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		v := b.Receiver().(*socketValue)
		if v.peer == nil {
			return nil, builtins.NewOSError(107, "Transport endpoint is not connected")
		}
		return addrTuple(v.peer), nil
	},
	"getsockname": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := builtins.NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return addrTuple(b.Receiver().(*socketValue).local), nil
	},
})
