package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/ingest"
)

// codeFunc codes one article into events. Subcommands that code (code,
// ingest, serve's POST /articles, validate) get it from loadCoder, so the
// wiring of tagger, dictionaries and coder lives in one place.
type codeFunc func(ctx context.Context, a *dyad.Article) ([]dyad.Event, error)

// loadPipeline loads the models, the gazetteer and the dictionaries once.
// The --dict folders are layered over the default dictionary, later ones
// winning, or replace it with --dict-only.
func (m *Main) loadPipeline(df dictFlags) (*coder.Pipeline, error) {
	d, err := m.loadDictionary(df.dirs, df.only)
	if err != nil {
		return nil, err
	}
	return coder.NewPipeline(d)
}

// loadCoder returns a codeFunc safe for concurrent use.
func (m *Main) loadCoder(df dictFlags) (codeFunc, error) {
	p, err := m.loadPipeline(df)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, a *dyad.Article) ([]dyad.Event, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return p.Code(a), nil
	}, nil
}

// result is what one worker made of one input.
type result[T any] struct {
	article *dyad.Article
	value   T
	err     error
}

// processInputs reads the inputs in order, runs fn on up to GOMAXPROCS
// articles at once, and calls emit with the results in input order. A bad
// input is reported on stderr and counted; the others go on. It returns
// errInputs when any input failed.
func processInputs[T any](ctx context.Context, m *Main, args []string, opt ingest.Options,
	fn func(context.Context, *dyad.Article) (T, error), emit func(*dyad.Article, T) error) error {
	if opt.Stdin == nil {
		opt.Stdin = m.Stdin
	}
	workers := runtime.GOMAXPROCS(0)
	pending := make(chan chan result[T], workers*2)
	var failed int
	var emitErr error
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the collector keeps input order
		defer wg.Done()
		for ch := range pending {
			r := <-ch
			if emitErr != nil {
				continue
			}
			if r.err != nil {
				failed++
				fmt.Fprintln(m.Stderr, "dyad:", r.err)
				continue
			}
			if err := emit(r.article, r.value); err != nil {
				emitErr = err
			}
		}
	}()
	sem := make(chan struct{}, workers)
	for a, err := range ingest.Inputs(args, opt) {
		if ctx.Err() != nil {
			break
		}
		ch := make(chan result[T], 1)
		pending <- ch
		if err != nil {
			ch <- result[T]{err: err}
			continue
		}
		sem <- struct{}{}
		go func(a *dyad.Article) {
			defer func() { <-sem }()
			v, err := fn(ctx, a)
			if err != nil {
				err = fmt.Errorf("%s: %w", sourceOf(a), err)
			}
			ch <- result[T]{article: a, value: v, err: err}
		}(a)
	}
	close(pending)
	wg.Wait()
	switch {
	case emitErr != nil:
		return emitErr
	case ctx.Err() != nil:
		return ctx.Err()
	case failed > 0:
		return errInputs
	}
	return nil
}

func sourceOf(a *dyad.Article) string {
	if a.Source != "" {
		return a.Source
	}
	return a.ID
}

// dictDirsFlag collects repeated --dict flags.
type dictDirsFlag []string

func (d *dictDirsFlag) String() string     { return strings.Join(*d, ",") }
func (d *dictDirsFlag) Set(s string) error { *d = append(*d, s); return nil }

// dictFlags are the --dict and --dict-only flags every coding command takes.
type dictFlags struct {
	dirs dictDirsFlag
	only bool
}

func (d *dictFlags) register(fs *flag.FlagSet) {
	fs.Var(&d.dirs, "dict", "layer the dictionary in `DIR` (dyad TSV or PETRARCH) over the default (repeatable)")
	fs.BoolVar(&d.only, "dict-only", false, "code with the --dict folders alone, without dyad's default dictionary")
}
