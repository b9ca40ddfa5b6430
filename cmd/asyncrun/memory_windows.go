//go:build windows

package main

// processLimits returns nothing: Windows has no ulimit.
func processLimits() []processLimit { return nil }
