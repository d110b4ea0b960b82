package dict_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dyad-events/dyad/dict"
	"github.com/dyad-events/dyad/text"
)

func loadDefault(t *testing.T) *dict.Dictionary {
	t.Helper()
	d, err := dict.Default(dict.Options{Tokenize: text.Words})
	if err != nil {
		t.Fatalf("default dictionary: %v", err)
	}
	return d
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestFind(t *testing.T) {
	d := loadDefault(t)
	tests := []struct {
		sentence string
		want     []string // kind:name of each match's best entry
	}{
		{"Russia said", []string{"country:Russia"}},
		{"Russian officials met", []string{"adjective:Russian", "agent:"}},
		{"the Kremlin said", []string{"org:Kremlin"}},
		{"turkey for dinner", nil}, // lower case: the bird, not Turkey
		{"let us talk", nil},       // "us" is not the US
		{"Hungarian officials left", []string{"adjective:Hungarian", "agent:"}},
		{"Moscow responded", []string{"capital:Moscow"}},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			words := text.Words(tt.sentence)
			ms := d.Find(words)
			var got []string
			for _, m := range ms {
				e := m.Best()
				name := e.Name
				if e.Kind == dict.Agent {
					name = ""
				}
				got = append(got, e.Kind.String()+":"+name)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("Find(%q) = %v, want %v", tt.sentence, got, tt.want)
			}
		})
	}
}

func TestPersonRoles(t *testing.T) {
	d := loadDefault(t)
	es := d.Lookup(text.Words("Donald Trump"))
	if len(es) == 0 {
		t.Fatal("Donald Trump not in the default dictionary")
	}
	trump := dict.Match{Entries: es}.Best()
	for date, want := range map[string]string{
		"2015-06-01": "USAELI", // before office
		"2017-01-20": "USAGOV", // inauguration day
		"2019-10-27": "USAGOV",
		"2021-01-20": "USAELI", // Biden's inauguration: no longer in office
		"2023-05-05": "USAELI",
		"2025-10-16": "USAGOV",
	} {
		if got, _ := trump.At(day(date)); got != want {
			t.Errorf("Trump at %s = %s, want %s", date, got, want)
		}
	}
}

func TestLayerOverrides(t *testing.T) {
	b := dict.NewBuilder(dict.Options{Tokenize: text.Words})
	b.AddFS(dict.DefaultFS(), ".")
	b.AddDir("testdata/layer")
	d, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	es := d.Lookup([]string{"Georgia"})
	if len(es) != 1 || es[0].Kind != dict.City || es[0].Country != "USA" {
		t.Errorf("Georgia in the user layer = %+v, want one USA city entry", es)
	}
	// a phrase the layer does not mention keeps its default meaning
	if es := d.Lookup([]string{"Russia"}); len(es) == 0 || es[0].Code != "RUS" {
		t.Errorf("Russia lost its default entry: %+v", es)
	}
	jane := d.Lookup([]string{"Example"})
	if len(jane) != 1 {
		t.Fatalf("Example: %+v", jane)
	}
	if code, title := jane[0].At(day("2025-03-01")); code != "USALEG" || title != "Senator" {
		t.Errorf("Jane Example in 2025 = %s %s", code, title)
	}
	if code, _ := jane[0].At(day("2019-03-01")); code != "USAELI" {
		t.Errorf("Jane Example before office = %s, want USAELI", code)
	}
}

func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"d/countries.tsv": {Data: []byte("RUS\tRussia\n" + "rus\tbad code\n" + "XYZ\n")},
		"d/people.tsv":    {Data: []byte("A B\t\tm\tUSAGOV\tPresident\t2020-13-01\t\tsrc\n" + "C D\t\tq\tUSAGOV\tPresident\t2020-01-01\t2019-01-01\tsrc\n")},
		"d/patterns.tsv":  {Data: []byte("040\tmeet with +\n" + "04x\t*meet\n" + "040\t*meet\tloud\n")},
	}
	b := dict.NewBuilder(dict.Options{Tokenize: text.Words})
	b.AddFS(fsys, "d")
	d, err := b.Build()
	var list dict.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Build error = %v, want an ErrorList", err)
	}
	wantLines := map[string]bool{
		"d/countries.tsv:2": false, "d/countries.tsv:3": false,
		"d/people.tsv:1": false, "d/people.tsv:2": false,
		"d/patterns.tsv:1": false, "d/patterns.tsv:2": false, "d/patterns.tsv:3": false,
	}
	for _, e := range list {
		key := e.File + ":" + strconv.Itoa(e.Line)
		if _, ok := wantLines[key]; !ok {
			t.Errorf("unexpected error %v", e)
		}
		wantLines[key] = true
	}
	for k, seen := range wantLines {
		if !seen {
			t.Errorf("no error reported for %s", k)
		}
	}
	// the good line still loaded
	if es := d.Lookup([]string{"Russia"}); len(es) != 1 {
		t.Errorf("good line lost: %v", es)
	}
}

func TestParsePattern(t *testing.T) {
	tests := []struct {
		text   string
		ok     bool
		anchor string
		before int
		after  int
		target bool
		pos    dict.POS
	}{
		{"*meet with +", true, "meet", 0, 2, true, dict.AnyPOS},
		{"verbal *attack/n on|against +", true, "attack", 1, 2, true, dict.Noun},
		{"*cut|halt aid to +", true, "cut|halt", 0, 3, true, dict.AnyPOS},
		{"*hold talk|talks with +", true, "hold", 0, 3, true, dict.AnyPOS},
		{"*praise/v", true, "praise", 0, 0, false, dict.Verb},
		{"meet with +", false, "", 0, 0, false, 0},         // no anchor
		{"+ *meet", false, "", 0, 0, false, 0},             // target before the anchor
		{"*meet + with +", false, "", 0, 0, false, 0},      // two targets
		{"*meet/x with +", false, "", 0, 0, false, 0},      // unknown POS
		{"*meet with + *again", false, "", 0, 0, false, 0}, // split anchor
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			p, err := dict.ParsePattern("040", tt.text)
			if (err == nil) != tt.ok {
				t.Fatalf("ParsePattern(%q) error = %v, want ok=%v", tt.text, err, tt.ok)
			}
			if !tt.ok {
				return
			}
			if got := strings.Join(p.Anchor[0].Words, "|"); got != tt.anchor {
				t.Errorf("anchor = %q, want %q", got, tt.anchor)
			}
			if len(p.Before) != tt.before || len(p.After) != tt.after || p.HasTarget() != tt.target || p.POS != tt.pos {
				t.Errorf("pattern %+v: before %d after %d target %v pos %v", p, len(p.Before), len(p.After), p.HasTarget(), p.POS)
			}
		})
	}
}

func TestDefaultPatterns(t *testing.T) {
	d := loadDefault(t)
	if d.Patterns.Len() < 200 {
		t.Errorf("only %d patterns in the default dictionary", d.Patterns.Len())
	}
	roots := map[string]bool{}
	for _, p := range d.Patterns.All() {
		roots[p.Code[:2]] = true
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		if !roots[root] {
			t.Errorf("no pattern for CAMEO root %s", root)
		}
	}
	// the most specific pattern comes first
	ps := d.Patterns.ForLemma("attack")
	if len(ps) == 0 || ps[0].Specificity() < ps[len(ps)-1].Specificity() {
		t.Errorf("patterns for attack not ordered by specificity")
	}
}

func TestPatternRowFlags(t *testing.T) {
	tests := []struct {
		row                 []string
		opt, fallback, fail bool
	}{
		{[]string{"030", "*agree/v _ to", "opttarget fallback"}, true, true, false},
		{[]string{"130", "*threaten/v", "opttarget"}, true, false, false},
		{[]string{"040", "*meet with +", "sym"}, false, false, false},
		{[]string{"030", "*agree", "notarget opttarget"}, false, false, true},
		{[]string{"030", "*agree", "optional"}, false, false, true},
	}
	for _, tt := range tests {
		p, err := dict.ParsePatternRow(tt.row)
		if (err != nil) != tt.fail {
			t.Errorf("%q: error %v, want failure %v", tt.row, err, tt.fail)
			continue
		}
		if err != nil {
			continue
		}
		if p.OptTarget != tt.opt || p.Fallback != tt.fallback {
			t.Errorf("%q: opttarget %v fallback %v, want %v %v", tt.row, p.OptTarget, p.Fallback, tt.opt, tt.fallback)
		}
		_, _, flags, err := dict.FormatPattern(p)
		if err != nil || flags != tt.row[2] {
			t.Errorf("%q: written back with flags %q (%v)", tt.row, flags, err)
		}
	}
}
