//go:build unix

package main

import "syscall"

// processLimits returns the process's finite address-space and data
// limits.
func processLimits() []processLimit {
	var out []processLimit
	for _, l := range []struct {
		res   int
		field string
	}{{syscall.RLIMIT_AS, "VmSize:"}, {syscall.RLIMIT_DATA, "VmData:"}} {
		var r syscall.Rlimit
		if syscall.Getrlimit(l.res, &r) == nil && r.Cur != ^uint64(0) && r.Cur > 0 {
			out = append(out, processLimit{max: uint64(r.Cur), field: l.field})
		}
	}
	return out
}
