package dict

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/dict/petrarch"
)

func fuzzTokenize(s string) []string { return strings.Fields(s) }

// FuzzPetrarchImport feeds PETRARCH verb, actor and agent files to the
// importer: it never panics, and every pattern it makes can be written to
// patterns.tsv and read back the same.
func FuzzPetrarchImport(f *testing.F) {
	for _, s := range []string{
		"&SYN\n+A B\n+C_\n--- V [010] ---\nV {VS VED}\n+X_Y\nA_+B [011]\n- + * &SYN_W (TO {A B}) $ [012:013]\n- % IN_* [:014]\n",
		"--- V ---\nV\n- * &NOSUCH [1]\n- * BY/WITH ^ + [2]\n~ a (b . V) SAY = a b 3\n",
		"A_B [ABC]\n+C\n\t[ABCGOV <950101]\n\t[ABCMIL 950101-960101]\nD\nE [X/Y]\n",
		"!P! = M, N\nX!P! [~GOV]\nY {} [NGO~]\nZ {ZZ} [~COP]\n",
		"--- \x00 [] ---\n- * [\n+\n&\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d := &petrarch.Dictionaries{}
		d.Verbs, _ = petrarch.ReadVerbs("f.verbs.txt", strings.NewReader(src))
		if a, _ := petrarch.ReadActors("f.actors.txt", strings.NewReader(src)); a != nil {
			d.Actors = []*petrarch.ActorDict{a}
		}
		d.Agents, _ = petrarch.ReadAgents("f.agents.txt", strings.NewReader(src))
		d.Discards, _ = petrarch.ReadDiscards("f.discards.txt", strings.NewReader(src))
		b := NewBuilder(Options{Tokenize: fuzzTokenize})
		b.AddPetrarch(d, "")
		dict, _ := b.Build()
		for _, p := range dict.Patterns.All() {
			code, text, flags, err := FormatPattern(p)
			if err != nil {
				continue // reported as not writable; never a panic
			}
			q, err := ParsePatternRow([]string{code, text, flags})
			if err != nil {
				t.Fatalf("pattern %q %q %q does not read back: %v", code, text, flags, err)
			}
			c2, t2, f2, err := FormatPattern(q)
			if err != nil || c2 != code || t2 != text || f2 != flags {
				t.Fatalf("round trip changed %q %q %q into %q %q %q (%v)", code, text, flags, c2, t2, f2, err)
			}
		}
		_ = dict.Discarded(strings.Fields(src))
	})
}

// FuzzDictParsePatternRow: a patterns.tsv row never panics, and what
// parses writes back to a row that parses to the same pattern.
func FuzzDictParsePatternRow(f *testing.F) {
	for _, s := range []string{
		"040\t*meet with +\tsym", "111\tverbal *attack/n on|against +", "075A\tin _ *accord\tpetrarch",
		":173\t$ in *x _ with +\tpetrarch", "030:030\t% *agree\tpetrarch", "1\t_ *a", "1\t*a|\t", "x\t*a\tpetrarch sym notarget",
		"172\t*ask for economic_sanctions|embargo", "030\t*agree/v _ to\topttarget fallback", "030\t*agree\tnotarget opttarget",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		cols := strings.Split(line, "\t")
		p, err := ParsePatternRow(cols)
		if err != nil {
			return
		}
		code, text, flags, err := FormatPattern(p)
		if err != nil {
			return
		}
		q, err := ParsePatternRow([]string{code, text, flags})
		if err != nil {
			t.Fatalf("%q wrote %q %q %q, which does not read back: %v", line, code, text, flags, err)
		}
		if c2, t2, f2, _ := FormatPattern(q); c2 != code || t2 != text || f2 != flags {
			t.Fatalf("%q: round trip %q %q %q → %q %q %q", line, code, text, flags, c2, t2, f2)
		}
	})
}

// FuzzDictReadRules: discards.tsv and issues.tsv lines are reported, not
// a panic.
func FuzzDictReadRules(f *testing.F) {
	for _, s := range []string{"months later\t\ntyphoon\tstory\nbaseball\texact\n", "ID_X\tn:atrocity\tCAT\t\n\tArmenian genocide\tCAT\texclude-story\n", "\t\t\t\t\n[\t]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, name := range []string{discardsFile, issuesFile} {
			b := NewBuilder(Options{Tokenize: fuzzTokenize})
			b.readRulesFrom("f/"+name, name, bytes.NewReader([]byte(src)))
			for _, e := range b.errs {
				if e.File != "f/"+name {
					t.Fatalf("error %v does not name the file", e)
				}
			}
		}
	})
}
