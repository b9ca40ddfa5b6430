//go:build !race

// The race detector doubles the stack every Go function needs, so these
// figures only hold without it. .ci/run runs this test without -race.

package interp_test

import "testing"

// TestSuspendedTaskStack checks the stack a suspended task keeps: 4 KB for a
// task suspended right in its coroutine's body, 8 KB for one whose body ran
// deeper, as the README's performance section says.
func TestSuspendedTaskStack(t *testing.T) {
	const n = 10000
	stack, _ := suspendedTaskMemory(t, waiterShallow, n)
	t.Logf("shallow: %.0f B of stack per task", stack)
	if stack < 3500 || stack > 5000 {
		t.Errorf("a task suspended right in its body keeps %.0f B of stack, want about 4 KB", stack)
	}
	stack, _ = suspendedTaskMemory(t, waiterDeep, n)
	t.Logf("deep: %.0f B of stack per task", stack)
	if stack < 7500 || stack > 9000 {
		t.Errorf("a task whose body ran deeper keeps %.0f B of stack, want about 8 KB", stack)
	}
}
