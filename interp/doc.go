// Package interp embeds asyncrun in Go programs: it runs Starlark scripts
// with Python asyncio semantics on an event loop of their own. It is the
// whole Go API a host needs; values cross it as go.starlark.net values.
//
// An Interp is one interpreter: its own loops, clock, output streams and step
// budget, with no state shared with other interpreters, so many may run in
// one process at once, each on its own goroutine. An Interp's methods must
// not be called concurrently unless they say otherwise; run one script at a
// time on it.
//
// # Serving requests
//
// A server keeps interpreters alive: it runs each one's loop with
// RunForever on a goroutine, then calls script functions with Call from
// its handlers. Call, Stop and Close may be called as soon as the
// goroutine is started (work waits in the loop's inbox until it runs), so
// no readiness signal is needed. Shut down with Close: it cancels what
// runs, waits for it (aborting it after Options.CancelGrace), and makes
// RunForever return.
//
// Script code runs on the loop one piece at a time: a task that computes
// without awaiting keeps every other call of the same interpreter waiting
// (head-of-line blocking), up to that call's own deadline. A server whose
// requests may be CPU-bound serves them from a pool of interpreters, one
// request at a time each (see the ServerPool example); the deadline of a
// Call then bounds only its own request.
//
// # Untrusted scripts
//
// No value a script returns, and no Go value given to it, crashes the
// host: conversions fail with a *ConvertError for values that contain
// themselves or nest too deeply. A Call whose context ends cancels its
// task (CancelledError, as in Python); a task that catches that and goes on
// is aborted after Options.CancelGrace with an error no script can catch,
// and the interpreter stays usable. Options.MaxSteps, WithStepLimit and
// Options.MaxMemory bound the work and memory of a run.
//
// # Converting values
//
// Call converts its arguments with ToStarlark and its result with
// FromStarlark; Decode stores a result in a Go struct, map or slice.
//
//	Go                               Starlark
//	nil, nil pointer, nil map        None
//	bool                             bool
//	int*, uint*                      int
//	*big.Int, big.Int                int (FromStarlark: int64 when it fits,
//	                                 else *big.Int)
//	float32, float64                 float
//	string                           string
//	[]byte                           bytes
//	slices and arrays                list (FromStarlark: list, tuple and set
//	                                 give []any)
//	maps                             dict, keys in sorted order (FromStarlark:
//	                                 map[string]any, or map[any]any when a key
//	                                 is not a string: None is nil, a tuple key
//	                                 an [n]any array, a bytes key a string)
//	structs                          struct, fields named by their
//	                                 `starlark:"name"` tag, else by the field
//	                                 name; "-" skips a field; unexported
//	                                 fields are skipped; the fields of an
//	                                 embedded struct without a tag name are
//	                                 flattened, as encoding/json does
//	                                 (FromStarlark: map[string]any)
//	time.Time                        time.time (go.starlark.net/lib/time)
//	time.Duration                    time.duration
//	*Exception, error                an exception: an *Exception's type, else
//	                                 Exception(err.Error()) (FromStarlark: an
//	                                 exception value gives *Exception)
//	pointers, interfaces             what they point to
//	starlark.Value                   itself
//
// Values a script can change (lists, dicts) are copied, so a result may be
// kept and read on any goroutine. Arguments are frozen: a script that
// changes one gets a RuntimeError ("cannot append to frozen list").
package interp
