package loop

// RunOff runs fn on a goroutine of its own, off the loop, and completes f
// with fn's outcome through the loop's thread-safe inbox, unless f is done by
// then (cancelled, say). Until fn returns, the loop counts it as outside
// work: RunUntilComplete waits for it, no deadlock is reported, and virtual
// time does not jump past it. RunOff is called on the goroutine acting for
// the loop; fn must not touch the loop or its futures.
func (l *Loop) RunOff(f *Future, fn func() (any, error)) {
	l.AddExternal()
	if l.tracer != nil {
		l.tracer.OffLoopStart(f)
	}
	go func() {
		defer l.DoneExternal()
		v, err := fn()
		l.CallSoonThreadsafe(func() {
			if l.tracer != nil {
				l.tracer.OffLoopEnd(f)
			}
			if f.Done() {
				return
			}
			if err != nil {
				f.SetException(err)
			} else {
				f.SetResult(v)
			}
		})
	}()
}
