package loop

// This file holds asyncio's synchronisation primitives: Lock, Event,
// Condition, Semaphore (and BoundedSemaphore) and Barrier, following CPython
// 3.11.7's Lib/asyncio/locks.py line by line: the same deques of waiter
// futures, woken in the same order, so that programs observe the same order
// of events as under CPython. A task suspends with Task.Await exactly where
// CPython's coroutine does `await fut`.
//
// Like everything attached to a loop, the primitives belong to the goroutine
// acting for their loop (see the package documentation): their methods may
// be called only from that goroutine, and the methods that take a task only
// from that task's body while it runs.

import "fmt"

// loopBound is CPython's _LoopBoundMixin: a primitive made without a loop
// binds to the loop of the first task that has to wait on it, and refuses
// tasks of any other loop from then on.
type loopBound struct {
	loop *Loop
}

// The labels of the primitives' waiter futures, kept as variables so that
// labelling a waiter allocates nothing (see Future.SetLabel).
var (
	labelLockAcquire      = "Lock.acquire()"
	labelEventWait        = "Event.wait()"
	labelConditionWait    = "Condition.wait()"
	labelSemaphoreAcquire = "Semaphore.acquire()"
	labelBarrierWait      = "Barrier.wait()"
	labelBarrierReset     = "Barrier.reset()"
	labelBarrierAbort     = "Barrier.abort()"
	labelQueuePut         = "Queue.put()"
	labelQueueGet         = "Queue.get()"
	labelQueueJoin        = "Queue.join()"
)

// newWaiter binds b to t's loop, as _get_loop does, and returns a pending
// future labelled *label. what names the primitive in the error.
func (b *loopBound) newWaiter(t *Task, label *string, what fmt.Stringer) (*Future, error) {
	if b.loop == nil {
		b.loop = t.loop
	}
	if t.loop != b.loop {
		return nil, errorf(RuntimeError, "%s is bound to a different event loop", what)
	}
	return &Future{loop: b.loop, label: label}, nil
}

// Loop returns the loop the primitive is bound to, or nil if none yet.
func (b *loopBound) Loop() *Loop { return b.loop }

// withWaiters formats CPython's repr of a primitive: "<kind [extra]>", with
// ", waiters:N" after extra when there are waiters.
func withWaiters(kind, extra string, n int) string {
	if n > 0 {
		extra = fmt.Sprintf("%s, waiters:%d", extra, n)
	}
	return "<" + kind + " [" + extra + "]>"
}

// Lock is asyncio.Lock: a lock not owned by any task, handed to the tasks
// waiting for it in the order they began to wait. A waiter that is cancelled
// passes its turn on to the next.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); Acquire only from the body of t while t runs.
type Lock struct {
	loopBound
	waiters deque[*Future]
	locked  bool
}

// NewLock returns an unlocked lock attached to l. l may be nil: the lock
// then binds to the loop of the first task that waits on it, as CPython's
// does.
func NewLock(l *Loop) *Lock { return &Lock{loopBound: loopBound{l}} }

// Locked reports whether the lock is held, as Lock.locked().
func (lk *Lock) Locked() bool { return lk.locked }

// Waiters returns how many tasks wait in Acquire (counting cancelled ones
// that have not yet resumed), as CPython's repr shows.
func (lk *Lock) Waiters() int { return lk.waiters.len() }

// String returns CPython's repr of the lock without its address, such as
// "<asyncio.locks.Lock object [locked, waiters:1]>".
func (lk *Lock) String() string {
	extra := "unlocked"
	if lk.locked {
		extra = "locked"
	}
	return withWaiters("asyncio.locks.Lock object", extra, lk.waiters.len())
}

// Acquire takes the lock, suspending t until it is free, as Lock.acquire().
// It returns the cancellation thrown into t while it waited (the lock then
// goes to the next waiter) or a RuntimeError if the lock is bound to
// another loop.
func (lk *Lock) Acquire(t *Task) error { return lk.acquire(t, &labelLockAcquire) }

// TryAcquire takes the lock if Acquire would take it without waiting: it
// is free and no task waits for it (but cancelled ones), as CPython's
// Lock.acquire returns True before its first await. It reports whether it
// took the lock; if not, the caller must Acquire (and wait its turn).
func (lk *Lock) TryAcquire() bool {
	if !lk.locked && lk.allCancelled() {
		lk.locked = true
		return true
	}
	return false
}

// acquire is Acquire with the label of its waiter future.
func (lk *Lock) acquire(t *Task, label *string) error {
	if lk.TryAcquire() {
		return nil
	}
	fut, err := lk.newWaiter(t, label, lk)
	if err != nil {
		return err
	}
	lk.waiters.pushBack(fut)
	_, err = t.Await(fut)
	lk.waiters.remove(fut)
	if err != nil {
		if IsCancellation(err) && !lk.locked {
			lk.wakeUpFirst()
		}
		return err
	}
	lk.locked = true
	return nil
}

func (lk *Lock) allCancelled() bool {
	for i := range lk.waiters.len() {
		if !lk.waiters.at(i).Cancelled() {
			return false
		}
	}
	return true
}

// Release frees the lock and wakes the first waiter, as Lock.release(). A
// lock that is not held is a RuntimeError.
func (lk *Lock) Release() error {
	if !lk.locked {
		return errorf(RuntimeError, "Lock is not acquired.")
	}
	lk.locked = false
	lk.wakeUpFirst()
	return nil
}

// wakeUpFirst wakes the first waiter if it is not done. A done one will
// wake up later and either take the lock or, if it was cancelled and the
// lock is still free, call wakeUpFirst again.
func (lk *Lock) wakeUpFirst() {
	if lk.waiters.len() == 0 {
		return
	}
	if fut := lk.waiters.at(0); !fut.Done() {
		fut.SetResult(true)
	}
}

// Event is asyncio.Event: a flag that tasks wait to see set.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); Wait only from the body of t while t runs.
type Event struct {
	loopBound
	waiters deque[*Future]
	value   bool
}

// NewEvent returns a clear event attached to l (nil binds it to the loop of
// its first waiter, as for NewLock).
func NewEvent(l *Loop) *Event { return &Event{loopBound: loopBound{l}} }

// IsSet reports whether the flag is set, as Event.is_set().
func (e *Event) IsSet() bool { return e.value }

// Waiters returns how many tasks wait in Wait.
func (e *Event) Waiters() int { return e.waiters.len() }

// String returns CPython's repr of the event without its address, such as
// "<asyncio.locks.Event object [unset, waiters:2]>".
func (e *Event) String() string {
	extra := "unset"
	if e.value {
		extra = "set"
	}
	return withWaiters("asyncio.locks.Event object", extra, e.waiters.len())
}

// Set sets the flag and wakes every waiter, as Event.set().
func (e *Event) Set() {
	if e.value {
		return
	}
	e.value = true
	for i := range e.waiters.len() {
		if fut := e.waiters.at(i); !fut.Done() {
			fut.SetResult(true)
		}
	}
}

// Clear clears the flag, as Event.clear().
func (e *Event) Clear() { e.value = false }

// Wait suspends t until the flag is set, as Event.wait(); it returns at once
// if the flag is set already. It returns the cancellation thrown into t
// while it waited.
func (e *Event) Wait(t *Task) error { return e.wait(t, &labelEventWait) }

func (e *Event) wait(t *Task, label *string) error {
	if e.value {
		return nil
	}
	fut, err := e.newWaiter(t, label, e)
	if err != nil {
		return err
	}
	e.waiters.pushBack(fut)
	_, err = t.Await(fut)
	e.waiters.remove(fut)
	return err
}

// Condition is asyncio.Condition: a lock with a queue of tasks waiting to be
// notified.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); those that take a task only from the body of
// that task while it runs.
type Condition struct {
	loopBound
	lock    *Lock
	waiters deque[*Future]
	label   *string // of waiter futures: "Condition.wait()", or Barrier's
}

// NewCondition returns a condition attached to l over lock; a nil lock means
// a new one (attached to l). l may be nil, as for NewLock.
func NewCondition(l *Loop, lock *Lock) *Condition {
	if lock == nil {
		lock = NewLock(l)
	}
	return &Condition{loopBound: loopBound{l}, lock: lock, label: &labelConditionWait}
}

// Lock returns the condition's underlying lock.
func (c *Condition) Lock() *Lock { return c.lock }

// Acquire is the underlying lock's Acquire.
func (c *Condition) Acquire(t *Task) error { return c.lock.Acquire(t) }

// Release is the underlying lock's Release.
func (c *Condition) Release() error { return c.lock.Release() }

// Locked is the underlying lock's Locked.
func (c *Condition) Locked() bool { return c.lock.Locked() }

// Waiters returns how many tasks wait in Wait to be notified.
func (c *Condition) Waiters() int { return c.waiters.len() }

// String returns CPython's repr of the condition without its address, such
// as "<asyncio.locks.Condition object [locked, waiters:1]>".
func (c *Condition) String() string {
	extra := "unlocked"
	if c.Locked() {
		extra = "locked"
	}
	return withWaiters("asyncio.locks.Condition object", extra, c.waiters.len())
}

// Wait releases the lock, suspends t until another task notifies it, and
// takes the lock again before it returns, as Condition.wait(). Not holding
// the lock is a RuntimeError. The lock is taken again even if t is
// cancelled while it waits, and Wait then returns that cancellation. If t
// is cancelled while it takes the lock back, Wait keeps on until it has the
// lock and then returns a fresh CancelledError without a message, as
// CPython raises one. Only when t's loop was closed under it (ErrDestroyed)
// does Wait return without the lock.
func (c *Condition) Wait(t *Task) error {
	if !c.Locked() {
		return errorf(RuntimeError, "cannot wait on un-acquired lock")
	}
	c.lock.Release()
	fut, err := c.newWaiter(t, c.label, c)
	if err == nil {
		c.waiters.pushBack(fut)
		_, err = t.Await(fut)
		c.waiters.remove(fut)
		if err == ErrDestroyed {
			return err
		}
	}
	cancelled := false
	for {
		aerr := c.lock.acquire(t, c.label)
		if aerr == nil {
			break
		}
		if !IsCancellation(aerr) {
			return aerr
		}
		cancelled = true
	}
	if cancelled {
		return &CancelledError{}
	}
	return err
}

// WaitFor waits until pred is true, as Condition.wait_for(predicate): it
// calls pred, and while pred says false, Waits and calls it again. pred
// returns its value, whether that value is true, and an error that ends the
// wait. WaitFor returns pred's last value.
func (c *Condition) WaitFor(t *Task, pred func() (any, bool, error)) (any, error) {
	v, ok, err := pred()
	for err == nil && !ok {
		if err := c.Wait(t); err != nil {
			return nil, err
		}
		v, ok, err = pred()
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

// Notify wakes up to n of the tasks waiting in Wait, first come first
// served, as Condition.notify(n). Not holding the lock is a RuntimeError.
func (c *Condition) Notify(n int) error {
	if !c.Locked() {
		return errorf(RuntimeError, "cannot notify on un-acquired lock")
	}
	woken := 0
	for i := range c.waiters.len() {
		if woken >= n {
			break
		}
		if fut := c.waiters.at(i); !fut.Done() {
			woken++
			fut.SetResult(false)
		}
	}
	return nil
}

// NotifyAll wakes every task waiting in Wait, as Condition.notify_all().
func (c *Condition) NotifyAll() error { return c.Notify(c.waiters.len()) }

// Semaphore is asyncio.Semaphore, or asyncio.BoundedSemaphore when bounded:
// a counter that Acquire decrements, suspending while it is zero, and
// Release increments. Waiters are served first come first served; one that
// is cancelled after it was woken passes its turn on.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); Acquire only from the body of t while t runs.
type Semaphore struct {
	loopBound
	waiters deque[*Future]
	value   int
	bound   int // the initial value if bounded, else -1
}

// NewSemaphore returns a semaphore with the given initial value, attached to
// l (nil binds it to the loop of its first waiter, as for NewLock). A
// bounded one refuses to be released above its initial value. A negative
// value is a ValueError.
func NewSemaphore(l *Loop, value int, bounded bool) (*Semaphore, error) {
	if value < 0 {
		return nil, errorf(ValueError, "Semaphore initial value must be >= 0")
	}
	s := &Semaphore{loopBound: loopBound{l}, value: value, bound: -1}
	if bounded {
		s.bound = value
	}
	return s, nil
}

// Value returns the counter.
func (s *Semaphore) Value() int { return s.value }

// Bounded reports whether the semaphore is a BoundedSemaphore.
func (s *Semaphore) Bounded() bool { return s.bound >= 0 }

// Waiters returns how many tasks wait in Acquire.
func (s *Semaphore) Waiters() int { return s.waiters.len() }

// String returns CPython's repr of the semaphore without its address, such
// as "<asyncio.locks.Semaphore object [unlocked, value:2]>".
func (s *Semaphore) String() string {
	kind := "asyncio.locks.Semaphore object"
	if s.Bounded() {
		kind = "asyncio.locks.BoundedSemaphore object"
	}
	extra := "locked"
	if !s.Locked() {
		extra = fmt.Sprintf("unlocked, value:%d", s.value)
	}
	return withWaiters(kind, extra, s.waiters.len())
}

// Locked reports whether Acquire would have to wait: the counter is zero or
// a task not cancelled waits already, as Semaphore.locked().
func (s *Semaphore) Locked() bool {
	if s.value == 0 {
		return true
	}
	for i := range s.waiters.len() {
		if !s.waiters.at(i).Cancelled() {
			return true
		}
	}
	return false
}

// Acquire decrements the counter, suspending t first while Locked, as
// Semaphore.acquire(). It returns the cancellation thrown into t while it
// waited.
func (s *Semaphore) Acquire(t *Task) error {
	if s.TryAcquire() {
		return nil
	}
	fut, err := s.newWaiter(t, &labelSemaphoreAcquire, s)
	if err != nil {
		return err
	}
	s.waiters.pushBack(fut)
	_, err = t.Await(fut)
	s.waiters.remove(fut)
	if err != nil {
		if IsCancellation(err) && !fut.Cancelled() {
			// Woken, then cancelled before it ran: give the unit back.
			s.value++
			s.wakeUpNext()
		}
		return err
	}
	if s.value > 0 {
		s.wakeUpNext()
	}
	return nil
}

// TryAcquire decrements the counter if Acquire would without waiting (the
// semaphore is not Locked), as CPython's Semaphore.acquire returns True
// before its first await. It reports whether it did; if not, the caller
// must Acquire (and wait its turn).
func (s *Semaphore) TryAcquire() bool {
	if s.Locked() {
		return false
	}
	s.value--
	return true
}

// Release increments the counter and wakes the first waiter, as
// Semaphore.release(). Releasing a bounded semaphore above its initial
// value is a ValueError.
func (s *Semaphore) Release() error {
	if s.bound >= 0 && s.value >= s.bound {
		return errorf(ValueError, "BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeUpNext()
	return nil
}

// wakeUpNext wakes the first waiter that is not done, taking a unit for it.
func (s *Semaphore) wakeUpNext() {
	for i := range s.waiters.len() {
		if fut := s.waiters.at(i); !fut.Done() {
			s.value--
			fut.SetResult(true)
			return
		}
	}
}

// The states of a Barrier, as CPython's _BarrierState.
const (
	barrierFilling   = "filling"
	barrierDraining  = "draining"
	barrierResetting = "resetting"
	barrierBroken    = "broken"
)

// Barrier is asyncio.Barrier: parties tasks wait until all of them have
// arrived, then all go on. It is built, as CPython's, on a Condition, so
// that tasks wake in the same order.
//
// Its methods may be called only by the goroutine acting for the loop (see
// the package documentation); those that take a task only from the body of
// that task while it runs.
type Barrier struct {
	cond    *Condition
	parties int
	state   string
	count   int
}

// NewBarrier returns a barrier for parties tasks, attached to l (nil binds
// it to the loop of its first waiter, as for NewLock). Fewer than one party
// is a ValueError.
func NewBarrier(l *Loop, parties int) (*Barrier, error) {
	if parties < 1 {
		return nil, errorf(ValueError, "parties must be > 0")
	}
	cond := NewCondition(l, nil)
	cond.label = &labelBarrierWait
	return &Barrier{cond: cond, parties: parties, state: barrierFilling}, nil
}

// Parties returns the number of tasks needed to pass the barrier.
func (b *Barrier) Parties() int { return b.parties }

// NWaiting returns how many tasks wait at the barrier while it fills.
func (b *Barrier) NWaiting() int {
	if b.state == barrierFilling {
		return b.count
	}
	return 0
}

// Broken reports whether the barrier was aborted.
func (b *Barrier) Broken() bool { return b.state == barrierBroken }

// State returns "filling", "draining", "resetting" or "broken".
func (b *Barrier) State() string { return b.state }

// String returns CPython's repr of the barrier without its address, such as
// "<asyncio.locks.Barrier object [filling, waiters:1/3]>".
func (b *Barrier) String() string {
	extra := b.state
	if !b.Broken() {
		extra += fmt.Sprintf(", waiters:%d/%d", b.NWaiting(), b.parties)
	}
	return "<asyncio.locks.Barrier object [" + extra + "]>"
}

// Wait suspends t until parties tasks wait at the barrier and returns t's
// index among them, from 0 to parties-1 in order of arrival, as
// Barrier.wait(). If the barrier is aborted, or reset while t waits, Wait
// returns a BrokenBarrierError.
func (b *Barrier) Wait(t *Task) (int, error) {
	var index int
	err := b.with(t, &labelBarrierWait, func() (err error) {
		index, err = b.wait(t)
		return err
	})
	return index, err
}

// with runs body holding the condition's lock, as `async with self._cond`.
func (b *Barrier) with(t *Task, label *string, body func() error) error {
	if err := b.cond.lock.acquire(t, label); err != nil {
		return err
	}
	err := body()
	if err == ErrDestroyed {
		return err
	}
	if rerr := b.cond.Release(); rerr != nil {
		return rerr
	}
	return err
}

func (b *Barrier) wait(t *Task) (int, error) {
	if err := b.block(t); err != nil {
		return 0, err
	}
	index := b.count
	b.count++
	var err error
	if index+1 == b.parties {
		// The last to arrive releases the others.
		b.state = barrierDraining
		err = b.cond.NotifyAll()
	} else {
		err = b.waitReleased(t)
	}
	if err == ErrDestroyed {
		return 0, err
	}
	b.count--
	if xerr := b.exit(); xerr != nil {
		err = xerr
	}
	if err != nil {
		return 0, err
	}
	return index, nil
}

// block waits while the barrier drains or resets, then fails if it is
// broken.
func (b *Barrier) block(t *Task) error {
	_, err := b.cond.WaitFor(t, func() (any, bool, error) {
		ok := b.state != barrierDraining && b.state != barrierResetting
		return ok, ok, nil
	})
	if err != nil {
		return err
	}
	if b.state == barrierBroken {
		return errorf(BrokenBarrierError, "Barrier aborted")
	}
	return nil
}

// waitReleased waits until the barrier stops filling, then fails if it was
// reset or broken meanwhile.
func (b *Barrier) waitReleased(t *Task) error {
	_, err := b.cond.WaitFor(t, func() (any, bool, error) {
		ok := b.state != barrierFilling
		return ok, ok, nil
	})
	if err != nil {
		return err
	}
	if b.state == barrierBroken || b.state == barrierResetting {
		return errorf(BrokenBarrierError, "Abort or reset of barrier")
	}
	return nil
}

// exit, when the last task leaves, fills the barrier again and wakes the
// tasks waiting for it to drain.
func (b *Barrier) exit() error {
	if b.count != 0 {
		return nil
	}
	if b.state == barrierResetting || b.state == barrierDraining {
		b.state = barrierFilling
	}
	return b.cond.NotifyAll()
}

// Reset returns the barrier to its empty state, as Barrier.reset(): the
// tasks waiting at it get a BrokenBarrierError. t may have to wait for the
// barrier's lock.
func (b *Barrier) Reset(t *Task) error {
	return b.with(t, &labelBarrierReset, func() error {
		if b.count > 0 {
			b.state = barrierResetting
		} else {
			b.state = barrierFilling
		}
		return b.cond.NotifyAll()
	})
}

// Abort breaks the barrier, as Barrier.abort(): the tasks waiting at it, and
// any that wait later, get a BrokenBarrierError. t may have to wait for the
// barrier's lock.
func (b *Barrier) Abort(t *Task) error {
	return b.with(t, &labelBarrierAbort, func() error {
		b.state = barrierBroken
		return b.cond.NotifyAll()
	})
}

// deque is a double-ended queue on a ring buffer whose length is a power of
// two: CPython's collections.deque, for waiter futures and queue items.
type deque[T comparable] struct {
	buf     []T
	head, n int
}

func (d *deque[T]) len() int { return d.n }

func (d *deque[T]) slot(i int) *T { return &d.buf[(d.head+i)&(len(d.buf)-1)] }

// at returns the i-th element from the front.
func (d *deque[T]) at(i int) T { return *d.slot(i) }

func (d *deque[T]) pushBack(v T) {
	if d.n == len(d.buf) {
		d.grow()
	}
	*d.slot(d.n) = v
	d.n++
}

func (d *deque[T]) popFront() T {
	var zero T
	p := d.slot(0)
	v := *p
	*p = zero
	d.head = (d.head + 1) & (len(d.buf) - 1)
	d.n--
	d.shrink()
	return v
}

func (d *deque[T]) popBack() T {
	var zero T
	p := d.slot(d.n - 1)
	v := *p
	*p = zero
	d.n--
	d.shrink()
	return v
}

// remove removes the first element equal to v and reports whether there was
// one, as deque.remove.
func (d *deque[T]) remove(v T) bool {
	for i := range d.n {
		if d.at(i) == v {
			d.removeAt(i)
			return true
		}
	}
	return false
}

// removeAt removes the i-th element, moving the shorter side.
func (d *deque[T]) removeAt(i int) {
	if i < d.n/2 {
		for j := i; j > 0; j-- {
			*d.slot(j) = d.at(j - 1)
		}
		d.popFront()
		return
	}
	for j := i; j < d.n-1; j++ {
		*d.slot(j) = d.at(j + 1)
	}
	d.popBack()
}

func (d *deque[T]) grow() { d.resize(max(8, 2*len(d.buf))) }

// keepRoom is the room a deque or a queue's list keeps however few items it
// holds; above it, room is given back when no more than an eighth is used,
// halving it, so that a queue that once held many items does not keep their
// room, and one that swings between empty and full does not copy its items
// at every swing.
const keepRoom = 1024

func tooRoomy(n, room int) bool { return room > keepRoom && n <= room/8 }

// shrink halves the room of a deque that is too roomy.
func (d *deque[T]) shrink() {
	if tooRoomy(d.n, len(d.buf)) {
		d.resize(len(d.buf) / 2)
	}
}

func (d *deque[T]) resize(size int) {
	buf := make([]T, size)
	for i := range d.n {
		buf[i] = d.at(i)
	}
	d.buf, d.head = buf, 0
}

// items returns the elements front to back.
func (d *deque[T]) items() []T {
	out := make([]T, d.n)
	for i := range d.n {
		out[i] = d.at(i)
	}
	return out
}
