package loop

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

func TestQueuesOrderAsCPython(t *testing.T) {
	runScenes(t, []sceneCase{
		{"queue_backpressure", queueBackpressure},
		{"queue_cancelled_getter", queueCancelledGetter},
		{"queue_cancelled_putter", queueCancelledPutter},
		{"priority_order", priorityOrder},
		{"lifo_order", lifoOrder},
	})
}

// queueBackpressure: two producers and two consumers through a queue of
// two, and a task joining it.
func queueBackpressure(s *scene, m *Task) error {
	q := NewQueue(s.l, 2, FIFO, nil)
	producer := func(name string, n int) Body {
		return func(t *Task) (any, error) {
			for i := range n {
				if err := q.Put(t, fmt.Sprintf("%s%d", name, i)); err != nil {
					return nil, err
				}
				s.logf("put %s%d", name, i)
			}
			return nil, nil
		}
	}
	consumer := func(name string, n int) Body {
		return func(t *Task) (any, error) {
			for range n {
				v, err := q.Get(t)
				if err != nil {
					return nil, err
				}
				s.logf("%s got %v", name, v)
				if err := q.TaskDone(); err != nil {
					return nil, err
				}
			}
			return nil, nil
		}
	}
	joiner := func(t *Task) (any, error) {
		if err := t.Yield(); err != nil {
			return nil, err
		}
		if err := q.Join(t); err != nil {
			return nil, err
		}
		s.logf("joined")
		return nil, nil
	}
	return s.gather(m, s.spawn("p", producer("p", 4)), s.spawn("q", producer("q", 3)),
		s.spawn("x", consumer("x", 4)), s.spawn("y", consumer("y", 3)), s.spawn("j", joiner))
}

// queueCancelledGetter: a is woken by a put and cancelled before it runs;
// the item goes to b.
func queueCancelledGetter(s *scene, m *Task) error {
	q := NewQueue(s.l, 0, FIFO, nil)
	ts := s.spawnAll("abc", func(name string) Body {
		return func(t *Task) (any, error) {
			v, err := q.Get(t)
			if err != nil {
				s.logf("%s:cancelled", name)
				return nil, err
			}
			s.logf("%s got %v", name, v)
			return nil, nil
		}
	})
	if err := m.Yield(); err != nil {
		return err
	}
	q.PutNowait(1)
	ts[0].Cancel(nil)
	s.logf("getters=%d", q.Getters())
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("qsize=%d getters=%d", q.Qsize(), q.Getters())
	q.PutNowait(2)
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("qsize=%d", q.Qsize())
	return nil
}

// pyStrings formats a list of strings as Python prints it.
func pyStrings(vs []any) string {
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%v'", v)
	}
	return "[" + b.String() + "]"
}

// queueCancelledPutter: a is woken by a get and cancelled before it runs;
// the free slot goes to b.
func queueCancelledPutter(s *scene, m *Task) error {
	q := NewQueue(s.l, 1, FIFO, nil)
	q.PutNowait(0)
	ts := s.spawnAll("abc", func(name string) Body {
		return func(t *Task) (any, error) {
			if err := q.Put(t, name); err != nil {
				s.logf("%s:cancelled", name)
				return nil, err
			}
			s.logf("put %s", name)
			return nil, nil
		}
	})
	if err := m.Yield(); err != nil {
		return err
	}
	v, _ := q.GetNowait()
	s.logf("got %v", v)
	ts[0].Cancel(nil)
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("items=%s putters=%d", pyStrings(q.Items()), q.Putters())
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("items=%s", pyStrings(q.Items()))
	v, _ = q.GetNowait()
	s.logf("got %v", v)
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("items=%s", pyStrings(q.Items()))
	return nil
}

// prio is an item of a priority queue ordered by p alone, so that the order
// of equal ones shows how the heap moves them.
type prio struct {
	p    int
	name string
}

func (x prio) String() string { return fmt.Sprintf("%d%s", x.p, x.name) }

func lessPrio(a, b any) (bool, error) { return a.(prio).p < b.(prio).p, nil }

func priorityOrder(s *scene, m *Task) error {
	q := NewQueue(s.l, 0, Priority, lessPrio)
	for _, x := range []prio{{3, "a"}, {1, "b"}, {2, "c"}, {1, "d"}, {3, "e"}, {2, "f"}, {1, "g"},
		{0, "h"}, {2, "i"}, {1, "j"}, {3, "k"}, {0, "l"}} {
		if err := q.PutNowait(x); err != nil {
			return err
		}
	}
	s.logf("heap %s", strings.Trim(fmt.Sprint(q.Items()), "[]"))
	var out []string
	for !q.Empty() {
		v, err := q.GetNowait()
		if err != nil {
			return err
		}
		out = append(out, fmt.Sprint(v))
	}
	s.logf("out %s", strings.Join(out, " "))
	return nil
}

func lifoOrder(s *scene, m *Task) error {
	q := NewQueue(s.l, 0, LIFO, nil)
	for i := range 4 {
		q.PutNowait(i)
	}
	for range 4 {
		v, _ := q.GetNowait()
		s.logf("%v", v)
	}
	return nil
}

func TestQueueErrors(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	full := NewQueue(l, 1, FIFO, nil)
	full.PutNowait("x")
	_, emptyErr := NewQueue(l, 0, LIFO, nil).GetNowait()
	cases := []struct {
		what string
		err  error
		kind Kind
		want string
	}{
		{"get_nowait on empty", emptyErr, QueueEmpty, "QueueEmpty"},
		{"put_nowait on full", full.PutNowait("y"), QueueFull, "QueueFull"},
		{"task_done too many", NewQueue(l, 0, FIFO, nil).TaskDone(), ValueError, "ValueError: task_done() called too many times"},
	}
	for _, c := range cases {
		var e *Error
		if !errors.As(c.err, &e) {
			t.Errorf("%s: got %v, want a loop Error", c.what, c.err)
			continue
		}
		if e.Kind != c.kind || e.Error() != c.want {
			t.Errorf("%s: got %s %q, want %s %q", c.what, e.Kind, e.Error(), c.kind, c.want)
		}
	}
	if got := full.Qsize(); got != 1 {
		t.Errorf("qsize after refused put: got %d, want 1", got)
	}
	if !full.Full() || NewQueue(l, 0, FIFO, nil).Full() || NewQueue(l, -1, FIFO, nil).Full() {
		t.Errorf("full: got %v, want true for maxsize=1 holding one, false without a bound", full.Full())
	}
}

// TestPriorityLessFails: an error from less fails the put or get and leaves
// the queue as it was.
func TestPriorityLessFails(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	errBad := errors.New("TypeError: '<' not supported")
	less := func(a, b any) (bool, error) {
		if a == "bad" || b == "bad" {
			return false, errBad
		}
		return a.(int) < b.(int), nil
	}
	q := NewQueue(l, 0, Priority, less)
	for _, v := range []int{5, 3, 8, 1, 9, 2} {
		q.PutNowait(v)
	}
	before := fmt.Sprint(q.Items())
	if err := q.PutNowait("bad"); err != errBad {
		t.Errorf("put: got %v, want %v", err, errBad)
	}
	if got := fmt.Sprint(q.Items()); got != before || q.Unfinished() != 6 {
		t.Errorf("after failed put: got %s unfinished=%d, want %s unfinished=6", got, q.Unfinished(), before)
	}
	// Make the pop compare with a bad item: replace the last one.
	q.list[len(q.list)-1] = "bad"
	before = fmt.Sprint(q.Items())
	if _, err := q.GetNowait(); err != errBad {
		t.Errorf("get: got %v, want %v", err, errBad)
	}
	if got := fmt.Sprint(q.Items()); got != before {
		t.Errorf("after failed get: got %s, want %s", got, before)
	}
}

// heapqPush and heapqPop are a literal port of CPython's Lib/heapq.py
// (heappush, heappop, _siftdown, _siftup), the reference for Queue's heap.
func heapqPush(h []prio, x prio) []prio {
	h = append(h, x)
	heapqSiftdown(h, 0, len(h)-1)
	return h
}

func heapqPop(h []prio) ([]prio, prio) {
	last := h[len(h)-1]
	h = h[:len(h)-1]
	if len(h) == 0 {
		return h, last
	}
	ret := h[0]
	h[0] = last
	heapqSiftup(h, 0)
	return h, ret
}

func heapqSiftdown(h []prio, start, pos int) {
	newitem := h[pos]
	for pos > start {
		parentpos := (pos - 1) >> 1
		parent := h[parentpos]
		if newitem.p < parent.p {
			h[pos] = parent
			pos = parentpos
			continue
		}
		break
	}
	h[pos] = newitem
}

func heapqSiftup(h []prio, pos int) {
	end, start := len(h), pos
	newitem := h[pos]
	childpos := 2*pos + 1
	for childpos < end {
		rightpos := childpos + 1
		if rightpos < end && !(h[childpos].p < h[rightpos].p) {
			childpos = rightpos
		}
		h[pos] = h[childpos]
		pos = childpos
		childpos = 2*pos + 1
	}
	h[pos] = newitem
	heapqSiftdown(h, start, pos)
}

// TestPriorityQueueMatchesHeapq: random puts and gets of items with many
// equal priorities leave the heap exactly as heapq leaves its list.
func TestPriorityQueueMatchesHeapq(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		q := NewQueue(l, 0, Priority, lessPrio)
		var ref []prio
		for i := range 300 {
			if len(ref) > 0 && r.IntN(3) == 0 {
				var want prio
				ref, want = heapqPop(ref)
				got, err := q.GetNowait()
				if err != nil || got != want {
					t.Fatalf("round %d op %d: get: got %v %v, want %v", round, i, got, err, want)
				}
			} else {
				x := prio{r.IntN(4), fmt.Sprint(i)}
				ref = heapqPush(ref, x)
				q.PutNowait(x)
			}
			got := q.Items()
			if !slices.EqualFunc(got, ref, func(a any, b prio) bool { return a == b }) {
				t.Fatalf("round %d op %d: heap: got %v, want %v", round, i, got, ref)
			}
		}
	}
}

func TestQueueWaiterLabels(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	l.SetExceptionHandler(func(ExceptionContext) {})
	empty := NewQueue(l, 0, FIFO, nil)
	full := NewQueue(l, 1, FIFO, nil)
	full.PutNowait(1)
	checkLabels(t, l, []labelCase{
		{"Queue.get()", func(t *Task) (any, error) { return empty.Get(t) }},
		{"Queue.put()", func(t *Task) (any, error) { return nil, full.Put(t, 2) }},
		{"Queue.join()", func(t *Task) (any, error) { return nil, full.Join(t) }},
	})
}

// TestQueueWaitersDestroyedWithLoop: a getter, a putter and a joiner
// waiting when the loop closes end with ErrDestroyed.
func TestQueueWaitersDestroyedWithLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	l.SetExceptionHandler(func(ExceptionContext) {})
	empty := NewQueue(l, 0, FIFO, nil)
	full := NewQueue(l, 1, FIFO, nil)
	full.PutNowait(1)
	var errs []error
	for _, body := range []func(t *Task) error{
		func(t *Task) error { _, err := empty.Get(t); return err },
		func(t *Task) error { return full.Put(t, 2) },
		full.Join,
	} {
		mustTask(t, l, "t", func(t *Task) (any, error) {
			err := body(t)
			errs = append(errs, err)
			return nil, err
		})
	}
	if _, err := l.RunUntilComplete(NewFuture(l)); !errors.Is(err, ErrDeadlock) {
		t.Fatalf("got %v, want a deadlock", err)
	}
	l.Close()
	if len(errs) != 3 || errs[0] != ErrDestroyed || errs[1] != ErrDestroyed || errs[2] != ErrDestroyed {
		t.Errorf("got %v, want ErrDestroyed thrice", errs)
	}
	if got := fmt.Sprint(empty.Qsize(), full.Qsize()); got != "0 1" {
		t.Errorf("qsizes: got %s, want 0 1", got)
	}
}

// TestQueueGivesBackRoom: a queue that held many items and was emptied
// keeps little room.
func TestQueueGivesBackRoom(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	for kind := range Priority + 1 {
		q := NewQueue(l, 0, kind, func(a, b any) (bool, error) { return a.(int) < b.(int), nil })
		for i := range 10 * keepRoom {
			q.PutNowait(i)
		}
		for range 10 * keepRoom {
			q.GetNowait()
		}
		if got := max(len(q.fifo.buf), cap(q.list)); got > keepRoom {
			t.Errorf("%s: room for %d items left, want at most %d", kind, got, keepRoom)
		}
	}
}

func TestQueueRepr(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	q := NewQueue(l, 5, LIFO, nil)
	q.PutNowait(1)
	if got, want := q.String(), "<LifoQueue maxsize=5 tasks=1>"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// BenchmarkQueue: a producer and a consumer through a queue of 100; per
// item.
func BenchmarkQueue(b *testing.B) {
	l := newVirtual()
	q := NewQueue(l, 100, FIFO, nil)
	prod, _ := NewTask(l, "producer", func(t *Task) (any, error) {
		for i := range b.N {
			if err := q.Put(t, i); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	cons, _ := NewTask(l, "consumer", func(t *Task) (any, error) {
		for i := range b.N {
			v, err := q.Get(t)
			if err != nil {
				return nil, err
			}
			if v != i {
				return nil, fmt.Errorf("got %v, want %d", v, i)
			}
		}
		return nil, nil
	})
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := l.RunUntilComplete(Gather(l, []*Future{&prod.Future, &cons.Future}, false)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	l.Close()
}

// TestDeque: random pushes, pops and removals, in bursts so that the
// buffer grows and shrinks, agree with a slice.
func TestDeque(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var d deque[int]
	var ref []int
	for i := range 3000 {
		burst := 1 + r.IntN(50)
		pushes := 3 // in ten; more while filling, in every other 200 ops
		if i/200%2 == 0 {
			pushes = 7
		}
		switch op := r.IntN(10); {
		case op < pushes || len(ref) == 0:
			for j := range burst {
				d.pushBack(i*100 + j)
				ref = append(ref, i*100+j)
			}
		case op < pushes+(10-pushes)/2:
			for ; burst > 0 && len(ref) > 0; burst-- {
				if got, want := d.popFront(), ref[0]; got != want {
					t.Fatalf("op %d: popFront: got %d, want %d", i, got, want)
				}
				ref = ref[1:]
			}
		case op < 9:
			for ; burst > 0 && len(ref) > 0; burst-- {
				if got, want := d.popBack(), ref[len(ref)-1]; got != want {
					t.Fatalf("op %d: popBack: got %d, want %d", i, got, want)
				}
				ref = ref[:len(ref)-1]
			}
		default:
			k := r.IntN(len(ref))
			if !d.remove(ref[k]) {
				t.Fatalf("op %d: remove %d: not found", i, ref[k])
			}
			ref = slices.Delete(ref, k, k+1)
		}
		if got := d.items(); !slices.Equal(got, ref) {
			t.Fatalf("op %d: got %v, want %v", i, got, ref)
		}
		if tooRoomy(d.n, len(d.buf)) {
			t.Fatalf("op %d: %d items in a buffer of %d", i, d.n, len(d.buf))
		}
	}
	if d.remove(-1) {
		t.Error("remove of a missing value: got true, want false")
	}
}
