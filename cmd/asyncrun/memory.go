package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"os"
	"slices"
	"strconv"
	"strings"
)

// The memory bound of the CLI. Without -max-memory, the CLI bounds the
// interpreter's heap at defaultMemoryShare of the machine's memory (or of
// its cgroup's limit, if lower): a script that would exhaust the machine
// stops with MemoryError (exit 1), not with Go's fatal out-of-memory error
// (exit 2) or the kernel's OOM killer. Under a limit of the process's own
// (ulimit -v, ulimit -d), the bound is lower still: see limitBound. The
// share leaves room for the
// allocation that crosses the bound: a string doubled past it needs the
// old string and the new one, at most twice the bound.
const defaultMemoryShare = 0.2

// byteSize is a -max-memory value: bytes, or a number with K, M or G.
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }

func (b *byteSize) Set(s string) error {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return errors.New("want a size: bytes, or a number with K, M or G")
	}
	*b = byteSize(n * mult)
	return nil
}

// memoryBound returns the -max-memory value fs was given, or the default
// bound when the flag was not given (0, no bound, when the machine's
// memory is unknown).
func memoryBound(fs *flag.FlagSet, given byteSize) int64 {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "max-memory" })
	if set {
		return int64(given)
	}
	bound := int64(float64(machineMemory()) * defaultMemoryShare)
	if as := limitBound(); as > 0 && (bound == 0 || as < bound) {
		bound = as
	}
	return bound
}

// limitShare is the share of what the process's own limits (RLIMIT_AS,
// RLIMIT_DATA, as ulimit -v and ulimit -d set them) leave free that the
// default bound takes. The address space a Go heap maps is not given back,
// and the allocation that crosses the bound may hold three times the bound
// at once (a string doubled past it: the old one and the new one), so a
// sixth of what is left lets the bound stop a doubling string with
// MemoryError where the limit would end the process with Go's fatal
// out-of-memory error (measured: under ulimit -v 7800000, a quarter is
// too much).
const limitShare = 6

// limitBound returns the default bound that the process's own memory
// limits allow: a limitShare-th of what RLIMIT_AS and RLIMIT_DATA leave
// free over the process's address space and data now (from
// /proc/self/status; the whole limit where that is not known); 0 when
// neither is set. Tests replace it.
var limitBound = func() int64 {
	status := readFile("/proc/self/status")
	var bound int64
	for _, l := range processLimits() {
		used := statusBytes(status, l.field)
		if l.max <= used {
			continue
		}
		if b := int64((l.max - used) / limitShare); bound == 0 || b < bound {
			bound = b
		}
	}
	return bound
}

// processLimit is a memory limit of the process (its value in bytes) and
// the /proc/self/status field that counts what it limits.
type processLimit struct {
	max   uint64
	field string
}

// statusBytes returns the field ("VmSize:") of /proc/self/status's text,
// in bytes (0 if absent).
func statusBytes(status []byte, field string) uint64 {
	sc := bufio.NewScanner(bytes.NewReader(status))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == field && f[2] == "kB" {
			if n, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return n << 10
			}
		}
	}
	return 0
}

// machineMemory returns the memory this process may use, in bytes: the
// lower of the machine's (/proc/meminfo) and its cgroup's limit; 0 when
// neither can be read (not Linux). Tests replace it.
var machineMemory = func() uint64 {
	total := memTotal(readFile("/proc/meminfo"))
	for _, path := range cgroupLimitFiles(readFile("/proc/self/cgroup")) {
		if n, err := strconv.ParseUint(strings.TrimSpace(string(readFile(path))), 10, 64); err == nil && n > 0 && (total == 0 || n < total) {
			total = n
		}
	}
	return total
}

// cgroupLimitFiles returns the files that hold the memory limit of the
// cgroups in /proc/self/cgroup's text: memory.max under the unified (v2)
// hierarchy, memory.limit_in_bytes under v1's memory controller.
func cgroupLimitFiles(cgroup []byte) []string {
	var files []string
	for _, line := range strings.Split(string(cgroup), "\n") {
		f := strings.SplitN(line, ":", 3)
		if len(f) != 3 {
			continue
		}
		switch {
		case f[0] == "0" && f[1] == "":
			files = append(files, "/sys/fs/cgroup"+strings.TrimSuffix(f[2], "/")+"/memory.max")
		case slices.Contains(strings.Split(f[1], ","), "memory"):
			files = append(files, "/sys/fs/cgroup/memory"+strings.TrimSuffix(f[2], "/")+"/memory.limit_in_bytes")
		}
	}
	return files
}

func readFile(path string) []byte {
	b, _ := os.ReadFile(path)
	return b
}

// memTotal returns the MemTotal line of /proc/meminfo in bytes (0 if absent).
func memTotal(meminfo []byte) uint64 {
	sc := bufio.NewScanner(bytes.NewReader(meminfo))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 && f[0] == "MemTotal:" && f[2] == "kB" {
			if n, err := strconv.ParseUint(f[1], 10, 64); err == nil {
				return n << 10
			}
		}
	}
	return 0
}
