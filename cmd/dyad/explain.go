package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/coder"
	"github.com/dyad-events/dyad/ingest"
)

func (m *Main) runExplain(ctx context.Context, args []string) error {
	fs := m.newFlagSet("explain", "FILE…")
	asJSON := fs.Bool("json", false, "print the trace as JSON")
	all := fs.Bool("all", false, "list every pattern tried, not only the match or the nearest miss")
	var dicts dictFlags
	dicts.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("explain: no input")
	}
	p, err := m.loadPipeline(dicts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(m.Stdout)
	defer bw.Flush()
	explain := func(_ context.Context, a *dyad.Article) ([]coder.SentenceTrace, error) {
		return p.Explain(a), nil
	}
	return processInputs(ctx, m, fs.Args(), ingest.Options{}, explain,
		func(a *dyad.Article, tr []coder.SentenceTrace) error {
			if *asJSON {
				enc := json.NewEncoder(bw)
				enc.SetEscapeHTML(false)
				return enc.Encode(map[string]any{"article": a.ID, "sentences": tr})
			}
			printTrace(bw, a, tr, *all)
			return nil
		})
}

func printTrace(w io.Writer, a *dyad.Article, trs []coder.SentenceTrace, all bool) {
	fmt.Fprintf(w, "# %s (reference date %s)\n", a.ID, day(a.ReferenceDate()))
	for _, tr := range trs {
		fmt.Fprintf(w, "\n[%d] %s\n", tr.Index, tr.Text)
		for _, ac := range tr.Actors {
			extra := ""
			if ac.Via != "" {
				extra = " = " + ac.Via
			}
			if ac.Role != "" {
				extra += " (" + ac.Role + ")"
			}
			if ac.Place {
				extra += " [place]"
			}
			fmt.Fprintf(w, "  actor  %-28q %-10s %s%s\n", ac.Text, ac.Code, ac.Kind, extra)
			for _, r := range ac.Roles {
				fmt.Fprintf(w, "           office %s\n", r)
			}
			for _, e := range ac.Entries {
				fmt.Fprintf(w, "           entry  %s\n", e)
			}
		}
		for _, an := range tr.Anchors {
			if an.Why != "" {
				fmt.Fprintf(w, "  anchor %q (%s): skipped, %s\n", an.Token, an.Lemma, an.Why)
				continue
			}
			fmt.Fprintf(w, "  anchor %q (%s)\n", an.Token, an.Lemma)
			shown := 0
			for _, p := range an.Patterns {
				if p.Matched {
					fmt.Fprintf(w, "    fired    %s  [%s]\n", p.Pattern, p.Origin)
					shown++
				} else if all || shown == 0 && p == an.Patterns[len(an.Patterns)-1] {
					fmt.Fprintf(w, "    no match %s  [%s]: %s\n", p.Pattern, p.Origin, p.Why)
				}
			}
			if !all && shown == 0 && len(an.Patterns) > 1 {
				fmt.Fprintf(w, "    (%d patterns tried; --all lists them)\n", len(an.Patterns))
			}
		}
		for _, e := range tr.Events {
			tgt := "-"
			if e.Target != nil {
				tgt = e.Target.Code
			}
			date := "-"
			if e.Date != nil {
				date = e.Date.Start
				if e.Date.End != e.Date.Start {
					date += "/" + e.Date.End
				}
			}
			place := ""
			if l := e.Location; l != nil {
				place = fmt.Sprintf("  place %q %s", l.Text, l.Country)
				if l.Fallback {
					place += " (dateline)"
				}
			}
			fmt.Fprintf(w, "  EVENT  %s %s %s  %s  %s  date %s%s  evidence %q\n", e.Source.Code, e.CAMEO, tgt,
				strings.ToUpper(e.PLOVER), e.Modality, date, place, e.Evidence.Text)
		}
	}
}
