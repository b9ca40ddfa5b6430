package aio

import (
	"bytes"
	"io"
	"sync"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
)

// DefaultLimit is the default limit of a Reader, as asyncio's: 64 KiB.
const DefaultLimit = 64 << 10

// Reader is asyncio.StreamReader: a buffer of received bytes on the loop's
// goroutine, fed by a goroutine that reads a descriptor (a connection, a
// pipe) or by hand (FeedData, FeedEOF), and read by tasks. Its read
// methods follow CPython 3.11's streams.py: their results, errors and
// messages, and the limit (the longest line or separator search, and half
// the buffer size at which reading pauses).
//
// Only one task may wait for data at a time. A task cancelled while it
// waits leaves the buffer as it was: no data is lost, and the stream can
// be read again. While a task waits on a Reader fed by a descriptor, the
// loop counts it as outside work.
//
// Its methods are for the goroutine acting for its loop.
type Reader struct {
	l       *loop.Loop
	limit   int
	buf     []byte
	eof     bool
	err     error
	waiter  *loop.Future
	src     *source // nil for a Reader fed by hand
	paused  bool    // src is paused: the buffer holds more than 2*limit
	noPause bool    // never pause src (see Process.Communicate)
}

// NewReader returns a Reader of loop l fed by hand; limit <= 0 is a
// ValueError, as in CPython.
func NewReader(l *loop.Loop, limit int) (*Reader, error) {
	if limit <= 0 {
		return nil, errorf(pyexc.ValueError, "Limit cannot be <= 0")
	}
	return &Reader{l: l, limit: limit}, nil
}

// Limit returns the reader's limit.
func (r *Reader) Limit() int { return r.limit }

// Buffered returns how many bytes wait in the buffer.
func (r *Reader) Buffered() int { return len(r.buf) }

// Paused reports whether reading from the descriptor is paused.
func (r *Reader) Paused() bool { return r.paused }

// Waiting reports whether a task waits for data.
func (r *Reader) Waiting() bool { return r.waiter != nil }

// Exception returns the error set with SetException, or nil.
func (r *Reader) Exception() error { return r.err }

// SetException makes every later read fail with err, and the waiting one.
func (r *Reader) SetException(err error) {
	r.err = err
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			w.SetException(err)
		}
	}
}

// wakeup lets the waiting task, if any, look at the buffer again.
func (r *Reader) wakeup() {
	if w := r.waiter; w != nil {
		r.waiter = nil
		if !w.Cancelled() {
			w.SetResult(nil)
		}
	}
}

// FeedEOF marks the end of the stream.
func (r *Reader) FeedEOF() {
	r.eof = true
	r.wakeup()
}

// Ended reports whether the end of the stream came (FeedEOF).
func (r *Reader) Ended() bool { return r.eof }

// AtEOF reports whether the stream ended and the buffer is empty.
func (r *Reader) AtEOF() bool { return r.eof && len(r.buf) == 0 }

// FeedData adds data to the buffer; after FeedEOF it is an
// AssertionError, as in CPython.
func (r *Reader) FeedData(data []byte) error {
	if r.eof {
		return errorf(pyexc.AssertionError, "feed_data after feed_eof")
	}
	if len(data) == 0 {
		return nil
	}
	r.buf = append(r.buf, data...)
	r.wakeup()
	if r.src != nil && !r.paused && !r.noPause && len(r.buf) > 2*r.limit {
		r.paused = true
		r.src.pause()
	}
	return nil
}

// maybeResume resumes reading when the buffer is down to the limit.
func (r *Reader) maybeResume() {
	if r.paused && len(r.buf) <= r.limit {
		r.paused = false
		r.src.resume()
	}
}

// take removes the first n bytes of the buffer and returns them.
func (r *Reader) take(n int) []byte {
	out := bytes.Clone(r.buf[:n])
	if out == nil {
		out = []byte{}
	}
	r.buf = r.buf[n:]
	if len(r.buf) == 0 {
		r.buf = nil
	}
	return out
}

// waitForData suspends t until data or the end arrives (fn names the
// read for the error of a second waiter).
func (r *Reader) waitForData(t *loop.Task, fn string) error {
	if r.waiter != nil {
		return errorf(pyexc.RuntimeError, "%s() called while another coroutine is already waiting for incoming data", fn)
	}
	if r.paused {
		r.paused = false
		r.src.resume()
	}
	w := loop.NewFuture(r.l)
	w.SetLabel("StreamReader." + fn + "()")
	r.waiter = w
	var err error
	if r.src != nil {
		_, err = awaitIO(t, w)
	} else {
		_, err = t.Await(w)
	}
	if r.waiter == w {
		r.waiter = nil
	}
	return err
}

// Read is read(n=-1): up to n bytes as soon as any are there (b"" at the
// end of the stream), or with n < 0 everything until the end.
func (r *Reader) Read(t *loop.Task, n int) ([]byte, error) {
	if r.err != nil {
		return nil, r.err
	}
	if n == 0 {
		return []byte{}, nil
	}
	if n < 0 {
		var blocks []byte
		for {
			b, err := r.Read(t, r.limit)
			if err != nil {
				return nil, err
			}
			if len(b) == 0 {
				if blocks == nil {
					blocks = []byte{}
				}
				return blocks, nil
			}
			blocks = append(blocks, b...)
		}
	}
	if len(r.buf) == 0 && !r.eof {
		if err := r.waitForData(t, "read"); err != nil {
			return nil, err
		}
	}
	data := r.take(min(n, len(r.buf)))
	r.maybeResume()
	return data, nil
}

// ReadExactly is readexactly(n): exactly n bytes, or an
// IncompleteReadError holding what came before the end.
func (r *Reader) ReadExactly(t *loop.Task, n int) ([]byte, error) {
	if n < 0 {
		return nil, errorf(pyexc.ValueError, "readexactly size can not be less than zero")
	}
	if r.err != nil {
		return nil, r.err
	}
	if n == 0 {
		return []byte{}, nil
	}
	for len(r.buf) < n {
		if r.eof {
			return nil, &IncompleteReadError{Partial: r.take(len(r.buf)), Expected: n}
		}
		if err := r.waitForData(t, "readexactly"); err != nil {
			return nil, err
		}
	}
	data := r.take(n)
	r.maybeResume()
	return data, nil
}

// ReadUntil is readuntil(separator): the bytes up to and including sep; an
// IncompleteReadError at the end of the stream (the buffer is emptied
// into it); a LimitOverrunError when sep is not within the limit (the data
// stays in the buffer).
func (r *Reader) ReadUntil(t *loop.Task, sep []byte) ([]byte, error) {
	if len(sep) == 0 {
		return nil, errorf(pyexc.ValueError, "Separator should be at least one-byte string")
	}
	if r.err != nil {
		return nil, r.err
	}
	offset, isep := 0, -1
	for {
		if len(r.buf)-offset >= len(sep) {
			if i := bytes.Index(r.buf[offset:], sep); i >= 0 {
				isep = offset + i
				break
			}
			offset = len(r.buf) + 1 - len(sep)
			if offset > r.limit {
				return nil, &LimitOverrunError{Msg: "Separator is not found, and chunk exceed the limit", Consumed: offset}
			}
		}
		if r.eof {
			return nil, &IncompleteReadError{Partial: r.take(len(r.buf)), Expected: -1}
		}
		if err := r.waitForData(t, "readuntil"); err != nil {
			return nil, err
		}
	}
	if isep > r.limit {
		return nil, &LimitOverrunError{Msg: "Separator is found, but chunk is longer than limit", Consumed: isep}
	}
	data := r.take(isep + len(sep))
	r.maybeResume()
	return data, nil
}

// ReadLine is readline(): a line with its b"\n", the last line without
// one, or b"" at the end. A line longer than the limit is a ValueError,
// and is dropped from the buffer (the part read so far, when its end has
// not come).
func (r *Reader) ReadLine(t *loop.Task) ([]byte, error) {
	line, err := r.ReadUntil(t, []byte{'\n'})
	if ie, ok := err.(*IncompleteReadError); ok {
		return ie.Partial, nil
	}
	if le, ok := err.(*LimitOverrunError); ok {
		if le.Consumed < len(r.buf) && r.buf[le.Consumed] == '\n' {
			r.buf = r.buf[le.Consumed+1:]
		} else {
			r.buf = nil
		}
		r.maybeResume()
		return nil, errorf(pyexc.ValueError, "%s", le.Msg)
	}
	return line, err
}

// source is the goroutine that reads a descriptor into a Reader: it reads
// while the Reader is not paused, and hands each chunk to the loop. Its
// methods may be called from any goroutine.
type source struct {
	mu      sync.Mutex
	paused  bool
	stopped bool
	signal  chan struct{} // a pause ended, or the source stopped
}

func newSource() *source { return &source{signal: make(chan struct{}, 1)} }

func (s *source) set(paused, stopped bool) {
	s.mu.Lock()
	s.paused = paused
	s.stopped = s.stopped || stopped
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
}

func (s *source) pause()  { s.set(true, false) }
func (s *source) resume() { s.set(false, false) }
func (s *source) stop()   { s.set(false, true) }

// ready waits while the source is paused; it reports false once stopped.
func (s *source) ready() bool {
	for {
		s.mu.Lock()
		paused, stopped := s.paused, s.stopped
		s.mu.Unlock()
		if stopped {
			return false
		}
		if !paused {
			return true
		}
		<-s.signal
	}
}

// attach starts a goroutine of env that feeds r from rd, controlled by s: chunks go to
// r.FeedData, the end to end (on the loop's goroutine: io.EOF for the
// end of the stream, or the read error). It reports false when env is
// shut down.
func (r *Reader) attach(env *Env, s *source, rd io.Reader, end func(err error)) bool {
	r.src = s
	l := r.l
	return env.spawn(func() {
		buf := make([]byte, 64<<10)
		for s.ready() {
			n, err := rd.Read(buf)
			if n > 0 {
				chunk := bytes.Clone(buf[:n])
				if !post(l, func() { r.feed(chunk) }) {
					return
				}
			}
			if err != nil {
				post(l, func() { end(err) })
				return
			}
		}
	})
}

// feed is FeedData for the source: data that comes after the end (a
// Reader ended by hand) is dropped.
func (r *Reader) feed(data []byte) {
	if !r.eof {
		r.FeedData(data)
	}
}
