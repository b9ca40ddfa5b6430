package loop

import "testing"

// TestTryAcquire: TryAcquire takes a lock or a semaphore unit only when
// Acquire would without waiting, as CPython's acquire does before its
// first await: not while a task (not cancelled) waits, even if the lock is
// free or the semaphore has units, so that the waiter keeps its turn. The
// logs are CPython's (testdata/cpython_sync.py steps acquire() once).
func TestTryAcquire(t *testing.T) {
	runScenes(t, []sceneCase{
		{"try_acquire_lock", func(s *scene, m *Task) error {
			lk := NewLock(s.l)
			s.logf("free:%s", py(lk.TryAcquire()))
			s.logf("held:%s", py(lk.TryAcquire()))
			w := s.spawn("w", func(t *Task) (any, error) { return nil, lk.Acquire(t) })
			if err := m.Yield(); err != nil {
				return err
			}
			lk.Release() // w is woken, not yet running
			s.logf("released,w waits:%s locked=%s", py(lk.TryAcquire()), py(lk.Locked()))
			if _, err := m.Await(&w.Future); err != nil {
				return err
			}
			s.logf("w has it:%s", py(lk.TryAcquire()))
			lk.Release()
			c := s.spawn("c", func(t *Task) (any, error) { return nil, lk.Acquire(t) })
			s.logf("free:%s", py(lk.TryAcquire()))
			if err := m.Yield(); err != nil {
				return err
			}
			c.Cancel(nil) // its waiter future is cancelled; c has not run yet
			lk.Release()
			s.logf("only a cancelled waiter (waiters=%d):%s", lk.Waiters(), py(lk.TryAcquire()))
			return s.gather(m, c)
		}},
		{"try_acquire_semaphore", func(s *scene, m *Task) error {
			sem, _ := NewSemaphore(s.l, 1, true)
			s.logf("unit:%s value=%d", py(sem.TryAcquire()), sem.Value())
			s.logf("none:%s", py(sem.TryAcquire()))
			w := s.spawn("w", func(t *Task) (any, error) { return nil, sem.Acquire(t) })
			if err := m.Yield(); err != nil {
				return err
			}
			c := s.spawn("c", func(t *Task) (any, error) { return nil, sem.Acquire(t) })
			if err := m.Yield(); err != nil {
				return err
			}
			if err := sem.Release(); err != nil { // the unit goes to w
				return err
			}
			s.logf("c waits:%s value=%d", py(sem.TryAcquire()), sem.Value())
			c.Cancel(nil)
			if err := s.gather(m, w, c); err != nil {
				return err
			}
			if err := sem.Release(); err != nil {
				return err
			}
			s.logf("after:%s value=%d", py(sem.TryAcquire()), sem.Value())
			return nil
		}},
	})
}
