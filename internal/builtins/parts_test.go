package builtins_test

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/internal/builtins/tasks"
)

// The core's tests run scripts with the parts they use (see TestParts):
// package tasks imports the core, so only this external test package can
// import it.
func init() { builtins.TestParts = []builtins.Part{tasks.Part} }
