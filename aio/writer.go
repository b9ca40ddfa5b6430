package aio

import (
	"bytes"
	"io"
	"slices"
	"sync"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
)

// The write buffer's water marks, as asyncio's transports: drain waits
// while more than highWater bytes are queued, until no more than lowWater
// are.
const (
	highWater = 64 << 10
	lowWater  = highWater / 4
)

// Writer is the sending half of a stream: asyncio's write transport with
// StreamWriter's drain. Write queues bytes for a goroutine that writes them
// to the descriptor, so it never blocks; drain waits while the queue is
// over the high-water mark. Close flushes the queue, then closes the
// descriptor; the stream is then lost (see Closed).
//
// Its methods are for the goroutine acting for its loop.
type Writer struct {
	l       *loop.Loop
	sk      *sink
	reader  *Reader // drain raises its exception; nil for a pipe
	queued  int     // bytes Write took that the goroutine has not written
	paused  bool    // queued went over highWater
	closing bool
	eof     bool // WriteEOF was called
	canEOF  bool
	lost    bool
	waiters []*loop.Future // of drain
	closed  *loop.Future   // done when the stream is lost
	// lose is the owner's connection-lost handler, which calls lostWith.
	lose func(err error)
}

func newWriter(l *loop.Loop, reader *Reader) *Writer {
	w := &Writer{l: l, reader: reader, closed: loop.NewFuture(l)}
	w.closed.SetLabel("StreamWriter.wait_closed()")
	return w
}

// Write queues data. After WriteEOF it is a RuntimeError; after Close, or
// once the stream is lost, the data is dropped, as asyncio's transports
// drop it.
func (w *Writer) Write(data []byte) error {
	if w.eof {
		return errorf(pyexc.RuntimeError, "Cannot call write() after write_eof()")
	}
	if len(data) == 0 || w.closing || w.lost {
		return nil
	}
	w.queued += len(data)
	w.sk.push(bytes.Clone(data))
	if !w.paused && w.queued > highWater {
		w.paused = true
	}
	return nil
}

// sent notes that the goroutine wrote n bytes: drain's waiters go on once
// the queue is down to the low-water mark.
func (w *Writer) sent(n int) {
	w.queued -= n
	if w.paused && w.queued <= lowWater {
		w.paused = false
		for _, f := range w.waiters {
			if !f.Done() {
				f.SetResult(nil)
			}
		}
	}
}

// Drain is drain(): it returns at once unless the queue is over the
// high-water mark, and then waits until it is down to the low one. It
// raises the reader's exception, and once the stream is lost a
// ConnectionResetError ("Connection lost"), after yielding once, as
// CPython's.
func (w *Writer) Drain(t *loop.Task) error {
	if w.reader != nil && w.reader.err != nil {
		return w.reader.err
	}
	if w.closing || w.lost {
		if _, err := loop.Sleep(t, 0, nil); err != nil {
			return err
		}
	}
	if w.lost {
		return errorf(pyexc.ConnectionResetError, "Connection lost")
	}
	if !w.paused {
		return nil
	}
	f := loop.NewFuture(w.l)
	f.SetLabel("StreamWriter.drain()")
	w.waiters = append(w.waiters, f)
	_, err := awaitIO(t, f)
	if i := slices.Index(w.waiters, f); i >= 0 {
		w.waiters = slices.Delete(w.waiters, i, i+1)
	}
	return err
}

// Close flushes the queue and closes the descriptor (from the goroutine).
func (w *Writer) Close() {
	if w.closing || w.lost {
		return
	}
	w.closing = true
	w.sk.requestClose()
}

// IsClosing reports whether Close was called or the stream is lost.
func (w *Writer) IsClosing() bool { return w.closing || w.lost }

// CanWriteEOF reports whether WriteEOF can close the sending half alone.
func (w *Writer) CanWriteEOF() bool { return w.canEOF }

// WriteEOF closes the sending half once the queue is written; the other
// half stays open.
func (w *Writer) WriteEOF() error {
	if !w.canEOF {
		return errorf(pyexc.NotImplementedError, "write_eof() is not supported here")
	}
	if w.closing || w.eof || w.lost {
		return nil
	}
	w.eof = true
	w.sk.requestEOF()
	return nil
}

// WaitClosed waits until the stream is lost, and returns the error it was
// lost with (nil for a clean close).
func (w *Writer) WaitClosed(t *loop.Task) error {
	_, err := awaitIO(t, w.closed)
	return err
}

// Lost reports whether the stream is lost (closed, or broken).
func (w *Writer) Lost() bool { return w.lost }

// lostWith marks the stream lost with err (nil: closed cleanly): drain's
// waiters and WaitClosed go on.
func (w *Writer) lostWith(err error) {
	if w.lost {
		return
	}
	w.lost = true
	w.sk.stop()
	if w.paused {
		for _, f := range w.waiters {
			if f.Done() {
				continue
			}
			if err != nil {
				f.SetException(err)
			} else {
				f.SetResult(nil)
			}
		}
	}
	if err != nil {
		w.closed.SetException(err)
		w.closed.Exception() // retrieved: awaiting wait_closed is optional
	} else {
		w.closed.SetResult(nil)
	}
}

// attach starts a goroutine of env that writes what Write queues (into s)
// to wr;
// closeWrite (nil if none) closes the sending half, closeAll the
// descriptor. A write error loses the stream with it; a Close, cleanly.
// It reports false when env is shut down.
func (w *Writer) attach(env *Env, s *sink, wr io.Writer, closeWrite, closeAll func() error) bool {
	w.sk = s
	w.canEOF = closeWrite != nil
	l := w.l
	return env.spawn(func() {
		for {
			chunks, eof, closeNow, ok := s.take()
			if !ok {
				return
			}
			n := 0
			for _, c := range chunks {
				if _, err := wr.Write(c); err != nil {
					closeAll()
					post(l, func() { w.lose(err) })
					return
				}
				n += len(c)
			}
			if n > 0 && !post(l, func() { w.sent(n) }) {
				return
			}
			if eof {
				closeWrite()
			}
			if closeNow {
				closeAll()
				post(l, func() { w.lose(nil) })
				return
			}
		}
	})
}

// sink is what the loop hands the writing goroutine: queued chunks and
// requests. Its methods may be called from any goroutine.
type sink struct {
	mu       sync.Mutex
	queue    [][]byte
	eofReq   bool
	closeReq bool
	stopped  bool
	signal   chan struct{}
}

func newSink() *sink { return &sink{signal: make(chan struct{}, 1)} }

func (s *sink) update(fn func()) {
	s.mu.Lock()
	fn()
	s.mu.Unlock()
	select {
	case s.signal <- struct{}{}:
	default:
	}
}

func (s *sink) push(b []byte) { s.update(func() { s.queue = append(s.queue, b) }) }
func (s *sink) requestEOF()   { s.update(func() { s.eofReq = true }) }
func (s *sink) requestClose() { s.update(func() { s.closeReq = true }) }
func (s *sink) stop()         { s.update(func() { s.stopped = true }) }

// take waits for work and returns it: the queued chunks, and whether to
// close the sending half or the descriptor after them; ok is false once
// the sink is stopped.
func (s *sink) take() (chunks [][]byte, eof, closeNow, ok bool) {
	for {
		s.mu.Lock()
		if s.stopped {
			s.mu.Unlock()
			return nil, false, false, false
		}
		if len(s.queue) > 0 || s.eofReq || s.closeReq {
			chunks, eof, closeNow = s.queue, s.eofReq, s.closeReq
			s.queue, s.eofReq = nil, false
			s.mu.Unlock()
			return chunks, eof, closeNow, true
		}
		s.mu.Unlock()
		<-s.signal
	}
}
