// Package streams is asyncio's I/O as scripts see it, beside the core:
// open_connection and start_server, StreamReader and StreamWriter, Server,
// create_subprocess_exec and _shell, Process, and open() with its file
// values, over package aio. It is built on the exported hooks of package
// builtins only; Part is what package interp merges into asyncio and the
// predeclared names.
package streams

import (
	"net"
	"strconv"
	"strings"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// asyncio's streams as scripts see them: open_connection and start_server,
// StreamReader and StreamWriter, over package aio. Data is bytes. As in
// Python, open_connection and start_server are coroutines, and so are the
// methods CPython declares async def; what the host did not grant (see
// Config.Perm.Net) is a PermissionError when the coroutine is awaited.

// opText returns how a call is written, for a PermissionError:
// "open_connection('example.com', 80)".
func opText(name string, args ...starlark.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = builtins.Repr(a)
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// hostPortArgs checks the host and port of open_connection and
// start_server: host a string (or None where allowed: ""), port an int or
// a string of one.
func hostPortArgs(fn string, host, port starlark.Value, hostOptional bool) (string, int, error) {
	h := ""
	switch host := host.(type) {
	case starlark.String:
		h = string(host)
	case starlark.NoneType:
		if !hostOptional {
			return "", 0, builtins.Errorf(pyexc.ValueError, "host and port was not specified and no sock specified")
		}
	default:
		return "", 0, builtins.Errorf(pyexc.TypeError, "%s: host must be a str or None, got %s", fn, builtins.TypeName(host))
	}
	switch port := port.(type) {
	case starlark.Int:
		p, ok := port.Int64()
		if ok && p >= 0 && p <= 65535 {
			return h, int(p), nil
		}
		return "", 0, builtins.Errorf(pyexc.OverflowError, "%s: port must be 0-65535.", fn)
	case starlark.String:
		if p, err := strconv.Atoi(string(port)); err == nil && p >= 0 && p <= 65535 {
			return h, p, nil
		}
		return "", 0, builtins.Errorf(pyexc.OSError, "%s: port %s is not a number", fn, builtins.Repr(port))
	case starlark.NoneType:
		if hostOptional {
			return h, 0, nil
		}
		return "", 0, builtins.Errorf(pyexc.ValueError, "host and port was not specified and no sock specified")
	}
	return "", 0, builtins.Errorf(pyexc.TypeError, "%s: port must be an int, got %s", fn, builtins.TypeName(port))
}

// openConnection is asyncio.open_connection(host=None, port=None, *,
// limit=2**16, ssl=None): a coroutine that connects and returns (reader,
// writer). ssl=True uses TLS with the system's roots.
func openConnection(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (builtins.NativeBody, error) {
	var host, port, ssl starlark.Value = starlark.None, starlark.None, starlark.None
	limit := aio.DefaultLimit
	if err := starlark.UnpackArgs("open_connection", args, kwargs, "host?", &host, "port?", &port, "limit?", &limit, "ssl?", &ssl); err != nil {
		return nil, err
	}
	op := opText("open_connection", host, port)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		h, p, err := hostPortArgs("open_connection", host, port, false)
		if err != nil {
			return nil, err
		}
		useTLS, err := sslArg(ssl)
		if err != nil {
			return nil, err
		}
		env := builtins.IO(th)
		return builtins.Suspend(th, t, func() (any, error) {
			c, err := env.Dial(t, op, aio.DialConfig{Host: h, Port: p, TLS: useTLS, Limit: limit})
			if err != nil {
				return nil, builtins.IOError(err)
			}
			r, w := connValues(th, c)
			return starlark.Tuple{r, w}, nil
		})
	}, nil
}

// sslArg reads ssl=: None or False for none, True for TLS with the
// system's roots.
func sslArg(v starlark.Value) (bool, error) {
	switch v := v.(type) {
	case starlark.NoneType:
		return false, nil
	case starlark.Bool:
		return bool(v), nil
	}
	return false, builtins.Errorf(pyexc.TypeError, "open_connection: ssl must be None, False or True (the system's roots), got %s", builtins.TypeName(v))
}

// connValues returns the script values of a connection's reader and
// writer.
func connValues(thread *starlark.Thread, c *aio.Conn) (*readerValue, *writerValue) {
	r := &readerValue{builtins.NewObjectOf(thread), c.R}
	return r, &writerValue{Object: builtins.NewObjectOf(thread), w: c.W, conn: c, reader: r}
}

// readerValue is asyncio.StreamReader.
type readerValue struct {
	builtins.Object
	r *aio.Reader
}

var _ starlark.HasAttrs = (*readerValue)(nil)

// String returns CPython's form: <StreamReader 3 bytes eof limit=10>.
func (v *readerValue) String() string {
	var b strings.Builder
	b.WriteString("<StreamReader")
	if n := v.r.Buffered(); n > 0 {
		b.WriteString(" " + strconv.Itoa(n) + " bytes")
	}
	if v.r.Ended() {
		b.WriteString(" eof")
	}
	if v.r.Limit() != aio.DefaultLimit {
		b.WriteString(" limit=" + strconv.Itoa(v.r.Limit()))
	}
	if v.r.Waiting() {
		b.WriteString(" waiter=<Future pending>")
	}
	if v.r.Paused() {
		b.WriteString(" paused")
	}
	b.WriteString(">")
	return b.String()
}

func (v *readerValue) Type() string { return "StreamReader" }
func (v *readerValue) Attr(name string) (starlark.Value, error) {
	return readerMethods.Attr(v, name), nil
}
func (v *readerValue) AttrNames() []string { return readerMethods.Names() }

var readerMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"at_eof":        readerAtEOF,
	"exception":     readerException,
	"feed_data":     readerFeedData,
	"feed_eof":      readerFeedEOF,
	"read":          readerRead,
	"readexactly":   readerReadExactly,
	"readline":      readerReadLine,
	"readuntil":     readerReadUntil,
	"set_exception": readerSetException,
})

// newStreamReader is asyncio.StreamReader(limit=2**16): a reader fed by
// the script (feed_data, feed_eof).
func newStreamReader(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	limit := aio.DefaultLimit
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit, "loop?", &lv); err != nil {
		return nil, err
	}
	l, err := builtins.LoopArg(thread, lv)
	if err != nil {
		return nil, err
	}
	r, err := aio.NewReader(l, limit)
	if err != nil {
		return nil, builtins.IOError(err)
	}
	return &readerValue{builtins.NewObjectOf(thread), r}, nil
}

func recvReader(b *starlark.Builtin) *aio.Reader { return b.Receiver().(*readerValue).r }

// bytesResult returns data as bytes, or err as a script's exception.
func bytesResult(data []byte, err error) (any, error) {
	if err != nil {
		return nil, builtins.IOError(err)
	}
	return starlark.Bytes(data), nil
}

// readerRead is read(n=-1), a coroutine.
func readerRead(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := -1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
		return nil, err
	}
	r := recvReader(b)
	return builtins.Suspending("StreamReader.read", func(t *loop.Task) (any, error) { return bytesResult(r.Read(t, n)) }), nil
}

// readerReadExactly is readexactly(n), a coroutine.
func readerReadExactly(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n int
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n", &n); err != nil {
		return nil, err
	}
	r := recvReader(b)
	return builtins.Suspending("StreamReader.readexactly", func(t *loop.Task) (any, error) { return bytesResult(r.ReadExactly(t, n)) }), nil
}

// readerReadLine is readline(), a coroutine.
func readerReadLine(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	r := recvReader(b)
	return builtins.Suspending("StreamReader.readline", func(t *loop.Task) (any, error) { return bytesResult(r.ReadLine(t)) }), nil
}

// readerReadUntil is readuntil(separator=b"\n"), a coroutine.
func readerReadUntil(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep := starlark.Bytes("\n")
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "separator?", &sep); err != nil {
		return nil, err
	}
	r := recvReader(b)
	return builtins.Suspending("StreamReader.readuntil", func(t *loop.Task) (any, error) { return bytesResult(r.ReadUntil(t, []byte(sep))) }), nil
}

func readerAtEOF(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvReader(b).AtEOF()), nil
}

// readerException is exception(): the reader's exception, or None.
func readerException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	if err := recvReader(b).Exception(); err != nil {
		return builtins.ExceptionValue(thread, builtins.IOError(err)), nil
	}
	return starlark.None, nil
}

func readerSetException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var e *builtins.Exception
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &e); err != nil {
		return nil, err
	}
	recvReader(b).SetException(e)
	return starlark.None, nil
}

func readerFeedData(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Bytes
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	return starlark.None, builtins.IOError(recvReader(b).FeedData([]byte(data)))
}

func readerFeedEOF(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	recvReader(b).FeedEOF()
	return starlark.None, nil
}

// writerValue is asyncio.StreamWriter: of a connection, or of a child's
// stdin (conn nil).
type writerValue struct {
	builtins.Object
	w      *aio.Writer
	conn   *aio.Conn
	reader *readerValue
}

var _ starlark.HasAttrs = (*writerValue)(nil)

func (v *writerValue) String() string {
	if v.conn == nil {
		return "<StreamWriter transport=<_UnixWritePipeTransport>>"
	}
	return "<StreamWriter transport=<_SelectorSocketTransport> reader=" + v.reader.String() + ">"
}
func (v *writerValue) Type() string { return "StreamWriter" }
func (v *writerValue) Attr(name string) (starlark.Value, error) {
	return writerMethods.Attr(v, name), nil
}
func (v *writerValue) AttrNames() []string { return writerMethods.Names() }

var writerMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"can_write_eof":  writerCanWriteEOF,
	"close":          writerClose,
	"drain":          writerDrain,
	"get_extra_info": writerGetExtraInfo,
	"is_closing":     writerIsClosing,
	"wait_closed":    writerWaitClosed,
	"write":          writerWrite,
	"write_eof":      writerWriteEOF,
	"writelines":     writerWriteLines,
})

func recvWriter(b *starlark.Builtin) *writerValue { return b.Receiver().(*writerValue) }

// writerWrite is write(data): data must be bytes.
func writerWrite(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &data); err != nil {
		return nil, err
	}
	bs, ok := data.(starlark.Bytes)
	if !ok {
		return nil, builtins.Errorf(pyexc.TypeError, "data argument must be a bytes-like object, not '%s'", builtins.TypeName(data))
	}
	return starlark.None, builtins.IOError(recvWriter(b).w.Write([]byte(bs)))
}

// writerWriteLines is writelines(list_of_data): each item must be bytes.
func writerWriteLines(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var seq starlark.Iterable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &seq); err != nil {
		return nil, err
	}
	var data []byte
	it := seq.Iterate()
	defer it.Done()
	var x starlark.Value
	for i := 0; it.Next(&x); i++ {
		bs, ok := x.(starlark.Bytes)
		if !ok {
			return nil, builtins.Errorf(pyexc.TypeError, "sequence item %d: expected a bytes-like object, %s found", i, builtins.TypeName(x))
		}
		data = append(data, bs...)
	}
	return starlark.None, builtins.IOError(recvWriter(b).w.Write(data))
}

// writerDrain is drain(), a coroutine.
func writerDrain(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	w := recvWriter(b).w
	return builtins.Suspending("StreamWriter.drain", func(t *loop.Task) (any, error) { return nil, builtins.IOError(w.Drain(t)) }), nil
}

// writerWaitClosed is wait_closed(), a coroutine.
func writerWaitClosed(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	w := recvWriter(b).w
	return builtins.Suspending("StreamWriter.wait_closed", func(t *loop.Task) (any, error) { return nil, builtins.IOError(w.WaitClosed(t)) }), nil
}

func writerClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	recvWriter(b).w.Close()
	return starlark.None, nil
}

func writerIsClosing(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvWriter(b).w.IsClosing()), nil
}

func writerCanWriteEOF(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recvWriter(b).w.CanWriteEOF()), nil
}

func writerWriteEOF(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.IOError(recvWriter(b).w.WriteEOF())
}

// writerGetExtraInfo is get_extra_info(name, default=None): 'peername'
// and 'sockname' are (host, port) tuples; 'socket' a socket with
// getsockname() and getpeername().
func writerGetExtraInfo(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var dflt starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "name", &name, "default?", &dflt); err != nil {
		return nil, err
	}
	c := recvWriter(b).conn
	if c == nil {
		return dflt, nil
	}
	switch name {
	case "peername":
		return addrTuple(c.PeerAddr()), nil
	case "sockname":
		return addrTuple(c.LocalAddr()), nil
	case "socket":
		return &socketValue{local: c.LocalAddr(), peer: c.PeerAddr()}, nil
	}
	return dflt, nil
}

// addrTuple returns a TCP address as Python's socket functions do:
// (host, port), or (host, port, flowinfo, scope_id) for IPv6.
func addrTuple(a net.Addr) starlark.Tuple {
	host, port := aio.HostPort(a)
	t := starlark.Tuple{starlark.String(host), starlark.MakeInt(port)}
	if ta, ok := a.(*net.TCPAddr); ok && ta.IP.To4() == nil {
		t = append(t, starlark.MakeInt(0), starlark.MakeInt(0))
	}
	return t
}
