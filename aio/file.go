package aio

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"unicode/utf8"

	"github.com/asyncrun/asyncrun/pyexc"
)

// File is a file a script opened with open(path, mode): reads and writes
// block, as Python's do (asyncio has no file API), and run on the
// goroutine acting for the loop. Text and binary modes differ in what
// read(n) counts (characters or bytes); the embedding layer gives text
// mode str and binary mode bytes.
type File struct {
	env      *Env
	f        *os.File
	rd       *bufio.Reader // nil unless readable
	Name     string
	Mode     string
	Binary   bool
	writable bool
	closed   bool
}

// Open opens the file name (relative to the working folder) as Python's
// open(name, mode): mode is r, w, a or x, with b for binary or t for text
// (the default); r needs the permission to read it, the others to write.
// The file is opened through its grant (see Permissions.Read): a path
// that no grant holds, or that leaves the granted folder it enters, is a
// PermissionError naming name as written. op names the call for it.
//
// An open that may block (of a file that is not a regular file or a
// folder: a FIFO with no other end) runs off the calling goroutine, which
// waits for it until the Env shuts down: it does not hold the loop past
// the end of the run; it is unblocked then, and Open returns ErrClosed.
// InterruptOpens ends it too (ErrInterrupted).
func (e *Env) Open(op, name, mode string) (*File, error) {
	kind, binary, err := parseMode(mode)
	if err != nil {
		return nil, err
	}
	g, what, verb, flagName := e.write, "writing files", "writing ", "-allow-write"
	var flag int
	switch kind {
	case 'r':
		flag = os.O_RDONLY
		g, what, verb, flagName = e.read, "reading files", "reading ", "-allow-read"
	case 'w':
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	case 'a':
		flag = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	case 'x':
		flag = os.O_WRONLY | os.O_CREATE | os.O_EXCL
	}
	if g.list == nil {
		return nil, &PermissionError{Op: op, What: what, Hint: "run with " + flagName}
	}
	ctx, cancel := context.WithCancel(e.ctx) // ends at Shutdown and at InterruptOpens
	defer cancel()
	defer e.opens.remove(e.opens.add(cancel))
	f, err := e.openGranted(ctx, g, op, name, flag, what, verb, flagName)
	if errors.Is(err, ErrClosed) && ctx.Err() != nil && e.ctx.Err() == nil {
		err = ErrInterrupted
	}
	if err != nil {
		return nil, err
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return nil, pathError(syscall.EISDIR, name)
	}
	file := &File{env: e, f: f, Name: name, Mode: mode, Binary: binary, writable: kind != 'r'}
	if kind == 'r' {
		file.rd = bufio.NewReader(f)
	}
	if err := e.add(file); err != nil {
		f.Close()
		return nil, err
	}
	return file, nil
}

// offOpen runs open, an open that may block, on a goroutine of the Env
// and waits for it, or until ctx ends: then it returns ErrClosed, and the
// file open returns later is closed.
func (e *Env) offOpen(ctx context.Context, open func() (*os.File, error)) (*os.File, error) {
	type result struct {
		f   *os.File
		err error
	}
	var mu sync.Mutex
	abandoned := false
	ch := make(chan result, 1)
	if !e.spawn(func() {
		f, err := open()
		mu.Lock()
		defer mu.Unlock()
		if abandoned {
			if f != nil {
				f.Close()
			}
			return
		}
		ch <- result{f, err}
	}) {
		return nil, ErrClosed
	}
	select {
	case r := <-ch:
		return r.f, r.err
	case <-ctx.Done():
	}
	mu.Lock()
	defer mu.Unlock()
	select {
	case r := <-ch:
		if r.f != nil {
			r.f.Close()
		}
	default:
		abandoned = true
	}
	return nil, ErrClosed
}

// InterruptOpens interrupts the opens in flight (see Open): they return
// ErrInterrupted, as a blocking open(2) interrupted by a signal makes
// Python raise the signal's exception (Ctrl-C: KeyboardInterrupt). It may
// be called from any goroutine.
func (e *Env) InterruptOpens() { e.opens.cancelAll() }

// openSet holds the cancel functions of the opens in flight.
type openSet struct {
	mu      sync.Mutex
	next    int
	cancels map[int]context.CancelFunc
}

func (s *openSet) add(cancel context.CancelFunc) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancels == nil {
		s.cancels = make(map[int]context.CancelFunc)
	}
	s.next++
	s.cancels[s.next] = cancel
	return s.next
}

func (s *openSet) remove(id int) {
	s.mu.Lock()
	delete(s.cancels, id)
	s.mu.Unlock()
}

func (s *openSet) cancelAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, cancel := range s.cancels {
		cancel()
	}
}

// parseMode checks a mode as Python's open does and returns its kind (r,
// w, a or x) and whether it is binary. '+' is not supported.
func parseMode(mode string) (kind byte, binary bool, err error) {
	seen := map[rune]bool{}
	for _, c := range mode {
		if !strings.ContainsRune("rwaxbt+", c) || seen[c] {
			return 0, false, errorf(pyexc.ValueError, "invalid mode: '%s'", mode)
		}
		seen[c] = true
	}
	n := 0
	for _, c := range "rwax" {
		if seen[c] {
			kind = byte(c)
			n++
		}
	}
	switch {
	case seen['b'] && seen['t']:
		return 0, false, errorf(pyexc.ValueError, "can't have text and binary mode at once")
	case n != 1:
		return 0, false, errorf(pyexc.ValueError, "must have exactly one of create/read/write/append mode")
	case seen['+']:
		return 0, false, errorf(pyexc.ValueError, "open: mode '%s': '+' (reading and writing) is not supported", mode)
	}
	return kind, seen['b'], nil
}

func (f *File) check(reading bool) error {
	switch {
	case f.closed && f.Binary && reading:
		return errorf(pyexc.ValueError, "read of closed file")
	case f.closed && f.Binary:
		return errorf(pyexc.ValueError, "write to closed file")
	case f.closed:
		return errorf(pyexc.ValueError, "I/O operation on closed file.")
	case reading && f.rd == nil:
		return errorf(pyexc.OSError, "not readable")
	case !reading && !f.writable:
		return errorf(pyexc.OSError, "not writable")
	}
	return nil
}

// Read returns up to n bytes (binary) or characters (text) before the
// end of the file; n < 0 reads to the end. What it reads is kept in
// chunks that grow with the data (see chunks), so n bounds nothing it
// allocates, and a read that runs past the memory limit ends (the limit
// closes the file) with the heap near the limit, not twice it.
func (f *File) Read(n int) ([]byte, error) {
	if err := f.check(true); err != nil {
		return nil, err
	}
	var c chunks
	if f.Binary || n < 0 {
		for n < 0 || c.total < n {
			want := maxChunk
			if n >= 0 {
				want = n - c.total
			}
			buf := c.space(want)
			buf = buf[:min(len(buf), want)]
			m, err := io.ReadFull(f.rd, buf)
			c.wrote(m)
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				break
			} else if err != nil {
				return nil, f.ioError(err)
			}
		}
		return c.bytes(), nil
	}
	for left := n; left > 0; {
		if _, err := f.rd.Peek(1); err == io.EOF {
			break
		} else if err != nil {
			return nil, f.ioError(err)
		}
		// Take the whole characters buffered, up to left, at once.
		buf, _ := f.rd.Peek(f.rd.Buffered())
		i, k := 0, 0
		for i < len(buf) && k < left {
			if buf[i] < utf8.RuneSelf {
				i, k = i+1, k+1
				continue
			}
			r, size := utf8.DecodeRune(buf[i:])
			if (r == utf8.RuneError && size == 1) || !utf8.FullRune(buf[i:]) {
				break
			}
			i, k = i+size, k+1
		}
		if i == 0 {
			// A character cut by the buffer's end, or an invalid byte
			// (U+FFFD, as before).
			r, _, err := f.rd.ReadRune()
			if err != nil && err != io.EOF {
				return nil, f.ioError(err)
			}
			c.appendRune(r)
			left--
			continue
		}
		c.appendBytes(buf[:i])
		f.rd.Discard(i)
		left -= k
	}
	return c.bytes(), nil
}

// chunks holds what a read has read so far: chunks of 512 bytes, doubling
// up to 16 MiB, joined once at the end.
type chunks struct {
	full  [][]byte
	cur   []byte
	total int
}

const (
	minChunk = 512
	maxChunk = 16 << 20
)

// space returns the free part of the current chunk, starting a new one
// (of at most want bytes) when it is full.
func (c *chunks) space(want int) []byte {
	if c.cur == nil || len(c.cur) == cap(c.cur) {
		c.next(want)
	}
	return c.cur[len(c.cur):cap(c.cur)]
}

// next starts a new chunk, twice the size of the last, from minChunk up to
// maxChunk, and no larger than want.
func (c *chunks) next(want int) {
	size := minChunk
	if c.cur != nil {
		c.full = append(c.full, c.cur)
		size = min(2*cap(c.cur), maxChunk)
	}
	c.cur = make([]byte, 0, max(min(size, want), utf8.UTFMax))
}

// wrote counts m bytes written into space().
func (c *chunks) wrote(m int) {
	c.cur = c.cur[:len(c.cur)+m]
	c.total += m
}

// appendBytes adds p.
func (c *chunks) appendBytes(p []byte) {
	for len(p) > 0 {
		m := copy(c.space(maxChunk), p)
		c.wrote(m)
		p = p[m:]
	}
}

// appendRune adds r, UTF-8 encoded.
func (c *chunks) appendRune(r rune) {
	if c.cur == nil || cap(c.cur)-len(c.cur) < utf8.UTFMax {
		c.next(maxChunk)
	}
	c.wrote(len(utf8.AppendRune(c.cur[len(c.cur):len(c.cur)], r)))
}

// bytes returns everything read, as one slice.
func (c *chunks) bytes() []byte {
	if len(c.full) == 0 {
		if c.cur == nil {
			return []byte{}
		}
		return c.cur
	}
	out := make([]byte, 0, c.total)
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.cur...)
}

// ReadLine returns the next line with its "\n" (the last one may have
// none), or nothing at the end of the file.
func (f *File) ReadLine() ([]byte, error) {
	if err := f.check(true); err != nil {
		return nil, err
	}
	b, err := f.rd.ReadBytes('\n')
	if err == io.EOF {
		err = nil
	}
	return b, f.ioError(err)
}

// Write writes b.
func (f *File) Write(b []byte) error {
	if err := f.check(false); err != nil {
		return err
	}
	_, err := f.f.Write(b)
	return f.ioError(err)
}

// Close closes the file; closing it again does nothing.
func (f *File) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	f.env.remove(f)
	return f.ioError(f.f.Close())
}

// Closed reports whether Close was called.
func (f *File) Closed() bool { return f.closed }

// shutdown closes the file for Env.Shutdown, from any goroutine.
func (f *File) shutdown() { f.f.Close() }

func (f *File) ioError(err error) error {
	if err == nil {
		return nil
	}
	if pe, ok := err.(*os.PathError); ok {
		return pathError(pe.Err, "")
	}
	return pathError(err, "")
}
