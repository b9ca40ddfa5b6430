package builtins

import (
	"net"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/loop"
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
func startServer(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error) {
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
			return nil, newExc(exc.TypeError, "start_server: ssl is not supported (it must be None)")
		}
		rt := stateOf(th).rt
		lv := loopValue(t.Loop())
		ctx := stateOf(th).ctx
		return rt.suspend(th, t, func() (any, error) {
			s, err := rt.io.Listen(t, op, h, p, limit, startServing, func(c *aio.Conn) { rt.connected(lv, ctx, cb, c) })
			if err != nil {
				return nil, ioError(err)
			}
			return &serverValue{Object: Object{rt.nextID()}, s: s, lv: lv}, nil
		})
	}, nil
}

// connected runs the server callback cb for connection c, on the loop.
func (rt *Runtime) connected(lv *eventLoop, ctx *varContext, cb starlark.Callable, c *aio.Conn) {
	r, w := rt.connValues(c)
	th := lv.cbThread
	stateOf(th).ctx = copyContext(ctx)
	var res starlark.Value
	err := rt.runOn(th, func() (err error) {
		res, err = starlark.Call(th, cb, starlark.Tuple{r, w}, nil)
		return err
	})
	if err != nil {
		lv.callDone(cb, starlark.Tuple{r, w}, err)
		return
	}
	co, ok := res.(*coroutine)
	if !ok {
		return
	}
	fv, err := rt.newTask(lv, co, "")
	if err != nil {
		lv.callDone(cb, starlark.Tuple{r, w}, err)
		return
	}
	fv.f.AddDoneCallback(func(f *loop.Future) {
		if f.Cancelled() {
			return
		}
		if err := f.PeekException(); err != nil {
			f.Exception() // retrieved: it is reported here
			if uncatchable(err) {
				lv.fail(err)
				return
			}
			d := lv.contextDict(loop.ExceptionContext{Message: "Unhandled exception in client_connected_cb", Err: err})
			lv.callHandler(nil, d)
			c.W.Close()
		}
	}, nil)
}

// serverValue is the Server start_server returns; with_ enters it as
// `async with server:` does (the block gets the server; at its end the
// server is closed and waited for).
type serverValue struct {
	Object
	s  *aio.Server
	lv *eventLoop
}

var (
	_ starlark.HasAttrs = (*serverValue)(nil)
	_ ContextManager    = (*serverValue)(nil)
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
	return serverMethods.attr(v, name), nil
}

func (v *serverValue) AttrNames() []string { return serverMethods.names("sockets") }

func (v *serverValue) Enter(thread *starlark.Thread) (starlark.Value, error) { return v, nil }

// exit closes the server and awaits wait_closed(), letting the block's
// exception through.
func (v *serverValue) Exit(thread *starlark.Thread, err error) error {
	v.s.Close()
	if _, werr := await_(thread, starlark.Tuple{serverWaitClosedCoro(v.s)}, nil); werr != nil {
		return werr
	}
	return err
}

var serverMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"close":         serverClose,
	"get_loop":      serverGetLoop,
	"is_serving":    serverIsServing,
	"serve_forever": serverServeForever,
	"start_serving": serverStartServing,
	"wait_closed":   serverWaitClosed,
})

func recvServer(b *starlark.Builtin) *serverValue { return b.Receiver().(*serverValue) }

func serverClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	recvServer(b).s.Close()
	return starlark.None, nil
}

func serverGetLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return recvServer(b).lv, nil
}

func serverIsServing(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvServer(b).s.IsServing()), nil
}

// serverServeForever is serve_forever(), a coroutine.
func serverServeForever(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvServer(b).s
	return suspending("Server.serve_forever", func(t *loop.Task) (any, error) { return nil, ioError(s.ServeForever(t)) }), nil
}

// serverStartServing is start_serving(), a coroutine.
func serverStartServing(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	s := recvServer(b).s
	return suspending("Server.start_serving", func(t *loop.Task) (any, error) {
		s.StartServing()
		_, err := loop.Sleep(t, 0, nil)
		return nil, err
	}), nil
}

// serverWaitClosed is wait_closed(), a coroutine.
func serverWaitClosed(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return serverWaitClosedCoro(recvServer(b).s), nil
}

func serverWaitClosedCoro(s *aio.Server) *coroutine {
	return suspending("Server.wait_closed", func(t *loop.Task) (any, error) { return nil, ioError(s.WaitClosed(t)) })
}

// socketValue is a socket as Server.sockets and
// get_extra_info('socket') give it: getsockname() and getpeername().
type socketValue struct {
	local, peer net.Addr // peer nil for a listening socket
}

var _ starlark.HasAttrs = (*socketValue)(nil)

func (v *socketValue) String() string {
	host, port := aio.HostPort(v.local)
	return "<asyncio.TransportSocket family=2, type=1, proto=6, laddr=" + reprValue(starlark.Tuple{starlark.String(host), starlark.MakeInt(port)}) + ">"
}
func (v *socketValue) Type() string          { return "TransportSocket" }
func (v *socketValue) Freeze()               {}
func (v *socketValue) Truth() starlark.Bool  { return true }
func (v *socketValue) Hash() (uint32, error) { return starlark.String(v.String()).Hash() }
func (v *socketValue) Attr(name string) (starlark.Value, error) {
	return socketMethods.attr(v, name), nil
}
func (v *socketValue) AttrNames() []string { return socketMethods.names() }

var socketMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"getpeername": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		v := b.Receiver().(*socketValue)
		if v.peer == nil {
			return nil, newOSError(exc.OSError, starlark.Tuple{starlark.MakeInt(107), starlark.String("Transport endpoint is not connected")})
		}
		return addrTuple(v.peer), nil
	},
	"getsockname": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return addrTuple(b.Receiver().(*socketValue).local), nil
	},
})
