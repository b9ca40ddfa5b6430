package aio

import (
	"context"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/loop"
)

// runTask runs body as a task of l until it ends, and returns its outcome.
func runTask(t *testing.T, l *loop.Loop, body loop.Body) (any, error) {
	t.Helper()
	task, err := loop.NewTask(l, "test", body)
	if err != nil {
		t.Fatal(err)
	}
	return l.RunUntilComplete(&task.Future)
}

// closeEnv closes env, failing t if its goroutines do not end soon.
func closeEnv(t *testing.T, env *Env) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := env.Close(ctx); err != nil {
		t.Errorf("Env.Close: %v", err)
	}
}

// all grants everything.
var all = Permissions{Net: []string{}, Run: []string{}, Read: []string{}, Write: []string{}}
