package loop

// This file holds asyncio's queues (Queue, LifoQueue, PriorityQueue),
// following CPython 3.11.7's Lib/asyncio/queues.py line by line, and its
// priority order from Lib/heapq.py (heappush, heappop), so that producers and
// consumers wake, and equal items come out, in the same order as under
// CPython.

import "fmt"

// QueueKind selects the order in which a Queue hands out its items.
type QueueKind uint8

// The kinds of Queue.
const (
	FIFO     QueueKind = iota // asyncio.Queue: first in, first out
	LIFO                      // asyncio.LifoQueue: last in, first out
	Priority                  // asyncio.PriorityQueue: least first, as heapq orders them
)

var queueKindNames = [...]string{"Queue", "LifoQueue", "PriorityQueue"}

// String returns the Python class name: "Queue", "LifoQueue" or
// "PriorityQueue".
func (k QueueKind) String() string { return queueKindNames[k] }

// Queue is asyncio.Queue, LifoQueue or PriorityQueue: a queue of items
// between producer and consumer tasks. Get suspends while it is empty, and
// Put while it holds maxsize items (if maxsize > 0). Suspended tasks are
// woken first come first served; a task cancelled while it waits loses no
// item and passes on the wake-up it got, if any.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); those that take a task only from the body of
// that task while it runs.
type Queue struct {
	loopBound
	kind       QueueKind
	maxsize    int
	less       func(a, b any) (bool, error)
	fifo       deque[any] // a FIFO queue's items
	list       []any      // a LIFO queue's stack, or a priority queue's heap
	getters    deque[*Future]
	putters    deque[*Future]
	unfinished int
	finished   *Event
}

// NewQueue returns an empty queue of the given kind attached to l (nil binds
// it to the loop of the first task that waits on it, as for NewLock). A
// maxsize of zero or less means no bound. A Priority queue orders its items
// with less, which reports whether a comes before b (Python's a < b); the
// other kinds ignore it. NewQueue panics if a Priority queue has no less.
func NewQueue(l *Loop, maxsize int, kind QueueKind, less func(a, b any) (bool, error)) *Queue {
	if kind == Priority && less == nil {
		panic("loop.NewQueue: a priority queue needs less")
	}
	q := &Queue{loopBound: loopBound{l}, kind: kind, maxsize: maxsize, less: less, finished: NewEvent(l)}
	q.finished.Set()
	return q
}

// Kind returns the queue's kind.
func (q *Queue) Kind() QueueKind { return q.kind }

// Maxsize returns the number of items allowed in the queue (0 or less: no
// bound).
func (q *Queue) Maxsize() int { return q.maxsize }

// Qsize returns the number of items in the queue.
func (q *Queue) Qsize() int {
	if q.kind == FIFO {
		return q.fifo.len()
	}
	return len(q.list)
}

// Empty reports whether the queue holds no item.
func (q *Queue) Empty() bool { return q.Qsize() == 0 }

// Full reports whether the queue holds maxsize items; never, without a
// bound.
func (q *Queue) Full() bool { return q.maxsize > 0 && q.Qsize() >= q.maxsize }

// Unfinished returns how many items were put and not yet marked done with
// TaskDone.
func (q *Queue) Unfinished() int { return q.unfinished }

// Getters returns how many tasks wait in Get.
func (q *Queue) Getters() int { return q.getters.len() }

// Putters returns how many tasks wait in Put.
func (q *Queue) Putters() int { return q.putters.len() }

// Items returns the queue's items in the order it keeps them, as CPython's
// list(q._queue): oldest first for FIFO and LIFO queues, heap order for a
// priority queue.
func (q *Queue) Items() []any {
	if q.kind == FIFO {
		return q.fifo.items()
	}
	return append([]any(nil), q.list...)
}

// String returns CPython's str() of the queue without its items, such as
// "<Queue maxsize=0 _getters[1] tasks=2>".
func (q *Queue) String() string {
	s := fmt.Sprintf("<%s maxsize=%d", q.kind, q.maxsize)
	if n := q.getters.len(); n > 0 {
		s += fmt.Sprintf(" _getters[%d]", n)
	}
	if n := q.putters.len(); n > 0 {
		s += fmt.Sprintf(" _putters[%d]", n)
	}
	if q.unfinished > 0 {
		s += fmt.Sprintf(" tasks=%d", q.unfinished)
	}
	return s + ">"
}

// Put adds v to the queue, suspending t first while the queue is full, as
// Queue.put(item). It returns the cancellation thrown into t while it
// waited (v is then not added), or the error of a priority queue's less.
func (q *Queue) Put(t *Task, v any) error {
	for q.Full() {
		putter, err := q.newWaiter(t, &labelQueuePut, q)
		if err != nil {
			return err
		}
		q.putters.pushBack(putter)
		if _, err := t.Await(putter); err != nil {
			putter.Cancel(nil) // in case it is not done yet
			q.putters.remove(putter)
			if !q.Full() && !putter.Cancelled() {
				// Woken by a get, but leaving: wake the next in line.
				wakeUpNext(&q.putters)
			}
			return err
		}
	}
	return q.PutNowait(v)
}

// PutNowait adds v to the queue without waiting, as Queue.put_nowait(item):
// a full queue is a QueueFull error. An error from a priority queue's less
// is returned, v not added.
func (q *Queue) PutNowait(v any) error {
	if q.Full() {
		return &Error{Kind: QueueFull}
	}
	if err := q.put(v); err != nil {
		return err
	}
	q.unfinished++
	q.finished.Clear()
	wakeUpNext(&q.getters)
	return nil
}

// Get removes and returns an item, suspending t first while the queue is
// empty, as Queue.get(). It returns the cancellation thrown into t while it
// waited (no item is then taken), or the error of a priority queue's less.
func (q *Queue) Get(t *Task) (any, error) {
	for q.Empty() {
		getter, err := q.newWaiter(t, &labelQueueGet, q)
		if err != nil {
			return nil, err
		}
		q.getters.pushBack(getter)
		if _, err := t.Await(getter); err != nil {
			getter.Cancel(nil) // in case it is not done yet
			q.getters.remove(getter)
			if !q.Empty() && !getter.Cancelled() {
				// Woken by a put, but leaving: wake the next in line.
				wakeUpNext(&q.getters)
			}
			return nil, err
		}
	}
	return q.GetNowait()
}

// GetNowait removes and returns an item without waiting, as
// Queue.get_nowait(): an empty queue is a QueueEmpty error. An error from a
// priority queue's less is returned, the queue left as it was.
func (q *Queue) GetNowait() (any, error) {
	if q.Empty() {
		return nil, &Error{Kind: QueueEmpty}
	}
	v, err := q.get()
	if err != nil {
		return nil, err
	}
	wakeUpNext(&q.putters)
	return v, nil
}

// TaskDone marks one item that was got as processed, as
// Queue.task_done(); when every item put is done, Join returns. Calling it
// more times than items were put is a ValueError.
func (q *Queue) TaskDone() error {
	if q.unfinished <= 0 {
		return errorf(ValueError, "task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.finished.Set()
	}
	return nil
}

// Join suspends t until every item put in the queue is marked done with
// TaskDone, as Queue.join(). It returns the cancellation thrown into t
// while it waited.
func (q *Queue) Join(t *Task) error {
	if q.unfinished > 0 {
		return q.finished.wait(t, &labelQueueJoin)
	}
	return nil
}

// wakeUpNext wakes the first waiter that is not done, dropping it and the
// done ones before it from ws.
func wakeUpNext(ws *deque[*Future]) {
	for ws.len() > 0 {
		if w := ws.popFront(); !w.Done() {
			w.SetResult(nil)
			return
		}
	}
}

func (q *Queue) put(v any) error {
	switch q.kind {
	case FIFO:
		q.fifo.pushBack(v)
	case LIFO:
		q.list = append(q.list, v)
	default:
		return q.heapPush(v)
	}
	return nil
}

func (q *Queue) get() (any, error) {
	switch q.kind {
	case FIFO:
		return q.fifo.popFront(), nil
	case LIFO:
		n := len(q.list) - 1
		v := q.list[n]
		q.list[n] = nil
		q.list = q.list[:n]
		q.shrinkList()
		return v, nil
	}
	v, err := q.heapPop()
	q.shrinkList()
	return v, err
}

// shrinkList halves the room of a list that is too roomy, as deque.shrink
// does.
func (q *Queue) shrinkList() {
	if c := cap(q.list); tooRoomy(len(q.list), c) {
		q.list = append(make([]any, 0, c/2), q.list...)
	}
}

// lessThan calls less and, as CPython's heapq does, fails if less changed
// the size of the heap.
func (q *Queue) lessThan(a, b any) (bool, error) {
	n := len(q.list)
	lt, err := q.less(a, b)
	if err == nil && len(q.list) != n {
		err = errorf(RuntimeError, "list changed size during iteration")
	}
	return lt, err
}

// heapPush is heapq.heappush: append v and sift it up towards the root
// while it is less than its parent. The comparisons are made, in CPython's
// order, before anything moves, so that an error leaves the heap as it was.
func (q *Queue) heapPush(v any) error {
	h := q.list
	pos := len(h)
	for pos > 0 {
		parent := (pos - 1) >> 1
		lt, err := q.lessThan(v, h[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		pos = parent
	}
	h = append(h, nil)
	for i := len(h) - 1; i > pos; {
		parent := (i - 1) >> 1
		h[i] = h[parent]
		i = parent
	}
	h[pos] = v
	q.list = h
	return nil
}

// heapPop is heapq.heappop: put the last item at the root, move the lesser
// child up until a leaf (Floyd's way, as heapq's _siftup), then sift the
// item up from there. As in heapPush, every comparison is made, in
// CPython's order, before anything moves.
func (q *Queue) heapPop() (any, error) {
	h := q.list
	end := len(h) - 1 // the size after the pop
	last := h[end]
	if end == 0 {
		h[0] = nil
		q.list = h[:0]
		return last, nil
	}
	// path is the root-to-leaf path the hole takes down the lesser children.
	path := []int{0}
	for child := 1; child < end; child = 2*path[len(path)-1] + 1 {
		if right := child + 1; right < end {
			lt, err := q.lessThan(h[child], h[right])
			if err != nil {
				return nil, err
			}
			if !lt {
				child = right
			}
		}
		path = append(path, child)
	}
	// Sift last up from the leaf: the item above position path[k] is, by
	// then, the one that was at path[k] before.
	k := len(path) - 1
	for k > 0 {
		lt, err := q.lessThan(last, h[path[k]])
		if err != nil {
			return nil, err
		}
		if !lt {
			break
		}
		k--
	}
	top := h[0]
	for i := 0; i < k; i++ {
		h[path[i]] = h[path[i+1]]
	}
	h[path[k]] = last
	h[end] = nil
	q.list = h[:end]
	return top, nil
}
