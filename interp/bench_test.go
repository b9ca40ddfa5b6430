package interp_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
)

func runBench(b *testing.B, src string) {
	b.Helper()
	it := interp.New(interp.Options{Stdout: io.Discard, Stderr: io.Discard, VirtualTime: true})
	defer it.Close()
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := it.ExecFile(context.Background(), "bench.star", src); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkTaskSwitch measures one await_(asyncio.sleep(0)) of a script task:
// a suspension, a trip through the ready queue and a resumption.
func BenchmarkTaskSwitch(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def spin(n):
    for i in range(n):
        await_(asyncio.sleep(0))
spin = asyncio.coroutine(spin)
asyncio.run(spin(%d))
`, b.N))
}

// BenchmarkTaskCreate measures creating, running and finishing a task that
// returns at once.
func BenchmarkTaskCreate(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def nop():
    return 1
nop = asyncio.coroutine(nop)
def main(n):
    for i in range(n):
        asyncio.ensure_future(nop())
    await_(asyncio.sleep(0))
    await_(asyncio.sleep(0))
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, b.N))
}

// BenchmarkGather1000 measures gathering 1,000 tasks that each sleep(0) once.
func BenchmarkGather1000(b *testing.B) {
	runBench(b, fmt.Sprintf(`
def one():
    await_(asyncio.sleep(0))
one = asyncio.coroutine(one)
def main(n):
    for i in range(n):
        await_(asyncio.gather(*[one() for j in range(1000)]))
main = asyncio.coroutine(main)
asyncio.run(main(%d))
`, b.N))
}
