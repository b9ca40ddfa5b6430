package aio

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/loop"
)

// fed returns a Reader of a virtual-time loop fed with chunks, one per
// loop iteration, then ended (unless eof is false).
func fed(t *testing.T, limit int, eof bool, chunks ...string) (*loop.Loop, *Reader) {
	l := loop.New(loop.Options{Clock: loop.NewClock(true)})
	t.Cleanup(func() { l.Close() })
	r, err := NewReader(l, limit)
	if err != nil {
		t.Fatal(err)
	}
	var feed func(i int)
	feed = func(i int) {
		if i == len(chunks) {
			if eof {
				r.FeedEOF()
			}
			return
		}
		r.FeedData([]byte(chunks[i]))
		l.CallSoon(func() { feed(i + 1) })
	}
	l.CallSoon(func() { feed(0) })
	return l, r
}

// reads runs the reads of fn in a task and returns what they returned,
// one per line: the data, or the error's type and text.
func reads(t *testing.T, l *loop.Loop, fn func(task *loop.Task, read func([]byte, error))) string {
	var out []string
	read := func(b []byte, err error) {
		if err != nil {
			out = append(out, fmt.Sprintf("%T: %v", err, err))
			return
		}
		out = append(out, fmt.Sprintf("%q", b))
	}
	if _, err := runTask(t, l, func(task *loop.Task) (any, error) {
		fn(task, read)
		return nil, nil
	}); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

// TestReaderReads: the reads of a reader fed a chunk per turn of the loop
// (a script's same reads: the spec program io/stream_reader_reads).
func TestReaderReads(t *testing.T) {
	l, r := fed(t, DefaultLimit, true, "hel", "lo\nwor", "ld\nend")
	got := reads(t, l, func(task *loop.Task, read func([]byte, error)) {
		read(r.ReadLine(task))
		read(r.Read(task, 2))
		read(r.ReadUntil(task, []byte("\n")))
		read(r.ReadExactly(task, 0))
		read(r.ReadExactly(task, 5))
		read(r.Read(task, -1))
		read(r.ReadLine(task))
	})
	want := `"hello\n"
"wo"
"rld\n"
""
*aio.IncompleteReadError: 3 bytes read on a total of 5 expected bytes
""
""`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if !r.AtEOF() {
		t.Error("AtEOF: got false after the end was read")
	}
}

func TestReaderLimits(t *testing.T) {
	l, r := fed(t, 4, true, "abcdefgh", "ij\nxy", "\nlong line\nz")
	// A script's same reads are checked against CPython by the spec
	// program io/stream_reader_reads; these are the Go errors under them.
	got := reads(t, l, func(task *loop.Task, read func([]byte, error)) {
		read(r.ReadUntil(task, []byte("\n"))) // not within the limit: the data stays
		read(r.ReadExactly(task, 3))          // abc
		read(r.ReadUntil(task, []byte("!")))  // not within the limit
		read(r.ReadLine(task))                // ValueError; defgh is dropped
		read(r.ReadLine(task))                // ij\n
		read(r.ReadLine(task))                // xy\n
		read(r.ReadLine(task))                // long line\n is over the limit, and dropped
		read(r.ReadUntil(task, []byte("!")))  // z then the end
		read(r.ReadUntil(task, nil))          // ValueError
		read(r.ReadExactly(task, -1))         // ValueError
	})
	want := `*aio.LimitOverrunError: Separator is not found, and chunk exceed the limit
"abc"
*aio.LimitOverrunError: Separator is not found, and chunk exceed the limit
*aio.Error: ValueError: Separator is not found, and chunk exceed the limit
"ij\n"
"xy\n"
*aio.Error: ValueError: Separator is found, but chunk is longer than limit
*aio.IncompleteReadError: 1 bytes read on a total of undefined expected bytes
*aio.Error: ValueError: Separator should be at least one-byte string
*aio.Error: ValueError: readexactly size can not be less than zero`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestReaderCancelKeepsData: a read cancelled while it waits loses
// nothing; a second reader while one waits is a RuntimeError; the
// reader's exception fails the reads.
func TestReaderCancelKeepsData(t *testing.T) {
	l := loop.New(loop.Options{Clock: loop.NewClock(true)})
	defer l.Close()
	r, _ := NewReader(l, DefaultLimit)
	var log []string
	waiting, _ := loop.NewTask(l, "waiting", func(task *loop.Task) (any, error) {
		_, err := r.ReadExactly(task, 4)
		log = append(log, fmt.Sprint("cancelled read: ", loop.IsCancellation(err)))
		return nil, err
	})
	main, _ := loop.NewTask(l, "main", func(task *loop.Task) (any, error) {
		loop.Sleep(task, 0, nil)
		_, err := r.Read(task, 1)
		log = append(log, fmt.Sprint("second reader: ", err))
		r.FeedData([]byte("ab"))
		waiting.Cancel(nil)
		loop.Sleep(task, 0, nil)
		r.FeedData([]byte("cd"))
		b, err := r.ReadExactly(task, 4)
		log = append(log, fmt.Sprintf("after: %q %v", b, err))
		r.SetException(errors.New("boom"))
		_, err = r.Read(task, 1)
		log = append(log, fmt.Sprint("exception: ", err))
		return nil, nil
	})
	l.RunUntilComplete(&main.Future)
	want := "second reader: RuntimeError: read() called while another coroutine is already waiting for incoming data; cancelled read: true; after: \"abcd\" <nil>; exception: boom"
	if got := strings.Join(log, "; "); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestReaderFeedAfterEOF(t *testing.T) {
	l := loop.New(loop.Options{})
	defer l.Close()
	r, _ := NewReader(l, 1)
	r.FeedEOF()
	if err := r.FeedData([]byte("x")); err == nil || err.Error() != "AssertionError: feed_data after feed_eof" {
		t.Errorf("got %v", err)
	}
	if _, err := NewReader(l, 0); err == nil || err.Error() != "ValueError: Limit cannot be <= 0" {
		t.Errorf("got %v", err)
	}
}
