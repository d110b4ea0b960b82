package dict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dyad-events/dyad/dict/petrarch"
)

// Files of dyad's TSV format that AddAuto reads beside the native ones
// (AddDir does not): the discard phrases and issues of an imported
// PETRARCH dictionary.
const (
	discardsFile = "discards.tsv"
	issuesFile   = "issues.tsv"
)

// FormatPattern writes p as a row of patterns.tsv: the code column, the
// pattern and the flags, so that ParsePatternRow reads it back. Patterns
// with PETRARCH's reading get the petrarch flag.
func FormatPattern(p *Pattern) (code, text, flags string, err error) {
	var fields []string
	elem := func(e Elem) (string, error) {
		switch e.Kind {
		case Target:
			return "+", nil
		case Source:
			return "$", nil
		case Skip:
			return "^", nil
		case Compound:
			return "%", nil
		case Word:
		default:
			return "", fmt.Errorf("unknown element kind %v", e.Kind)
		}
		var alts []string
		for _, w := range e.Words {
			alts = append(alts, w)
		}
		for _, ph := range e.Phrases {
			alts = append(alts, strings.Join(ph, "_"))
		}
		if len(alts) == 0 {
			return "", errors.New("a word element without words")
		}
		for _, a := range alts {
			if a == "" || strings.ContainsAny(a, " \t\n|*") || a == "+" || a == "$" || a == "^" || a == "%" {
				return "", fmt.Errorf("word %q cannot be written", a)
			}
		}
		for _, w := range e.Words {
			if strings.Contains(w, "_") {
				return "", fmt.Errorf("word %q cannot be written", w)
			}
		}
		return strings.Join(alts, "|"), nil
	}
	for _, e := range p.Before {
		s, err := elem(e)
		if err != nil {
			return "", "", "", err
		}
		fields = append(fields, s)
		if e.Adjacent && p.Petrarch {
			fields = append(fields, "_")
		}
	}
	if len(p.Anchor) == 0 {
		return "", "", "", errors.New("no anchor")
	}
	for i, a := range p.Anchor {
		if a.Kind != Word || len(a.Words) == 0 || len(a.Phrases) > 0 {
			return "", "", "", errors.New("an anchor must be words")
		}
		s, err := elem(a)
		if err != nil {
			return "", "", "", err
		}
		if strings.Contains(s, "/") {
			return "", "", "", fmt.Errorf("anchor %q cannot be written", s)
		}
		if i == 0 {
			switch p.POS {
			case Verb:
				s += "/v"
			case Noun:
				s += "/n"
			}
		}
		fields = append(fields, "*"+s)
	}
	for _, e := range p.After {
		s, err := elem(e)
		if err != nil {
			return "", "", "", err
		}
		if e.Adjacent {
			fields = append(fields, "_")
		}
		fields = append(fields, s)
	}
	var fl []string
	if p.Symmetric {
		fl = append(fl, "sym")
	}
	if p.NoTarget {
		fl = append(fl, "notarget")
	}
	if p.OptTarget {
		fl = append(fl, "opttarget")
	}
	if p.Fallback {
		fl = append(fl, "fallback")
	}
	code = p.Code
	if p.Petrarch {
		fl = append(fl, "petrarch")
		if p.Reverse != "" {
			code += ":" + p.Reverse
		}
	} else if !isDigits(code) || p.Reverse != "" {
		return "", "", "", fmt.Errorf("code %q needs the petrarch flag", code)
	}
	if code == "" || strings.ContainsAny(code, " \t\n") || code[0] == '#' {
		return "", "", "", fmt.Errorf("bad code %q", code)
	}
	return code, strings.Join(fields, " "), strings.Join(fl, " "), nil
}

// WriteTSV writes the dictionary in dyad's TSV format into dir (created if
// needed): countries.tsv, actors.tsv, agents.tsv, people.tsv,
// patterns.tsv, intent.tsv, and for PETRARCH imports discards.tsv and
// issues.tsv. All layers are written as one. What the format cannot hold
// (a null-coded actor, a "NGO~" agent, a code that is not upper-case
// letters and digits) is left out and returned as warnings, with the
// origin of each.
func (d *Dictionary) WriteTSV(dir string) (warnings ErrorList, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("write dictionary: %w", err)
	}
	w := &tsvWriter{dir: dir}
	w.entries(d)
	w.patterns(d)
	w.intent(d)
	w.rules(d)
	for _, name := range w.order {
		if err := w.flush(name); err != nil {
			return w.warn, err
		}
	}
	return w.warn, nil
}

type tsvWriter struct {
	dir   string
	files map[string]*strings.Builder
	order []string
	warn  ErrorList
}

var tsvHeaders = map[string]string{
	"countries.tsv": "# code\tname\taliases\tadjectives\tcapitals\tcities",
	"actors.tsv":    "# code\tnames",
	"agents.tsv":    "# code\tphrases",
	"people.tsv":    "# name\taliases\tgender\tcode\trole\tfrom\tuntil\tsource",
	"patterns.tsv":  "# code\tpattern\tflags (sym, notarget, opttarget, fallback, petrarch); see dict/data/patterns.tsv",
	"intent.tsv":    "# root\tcode",
	discardsFile:    "# phrase\tflags (story: drop the whole article; exact: the last word is not a stem)",
	issuesFile:      "# code\tphrase (PETRARCH issue syntax)\tcategory\tflags (exclude, exclude-story)",
}

func (w *tsvWriter) row(file string, cols ...string) {
	if w.files == nil {
		w.files = map[string]*strings.Builder{}
	}
	b := w.files[file]
	if b == nil {
		b = &strings.Builder{}
		b.WriteString("# dyad dictionary written by dyad dict (WriteTSV)\n" + tsvHeaders[file] + "\n")
		w.files[file] = b
		w.order = append(w.order, file)
	}
	b.WriteString(strings.Join(cols, "\t"))
	b.WriteByte('\n')
}

func (w *tsvWriter) comment(file, text string) {
	w.row(file, "# "+strings.ReplaceAll(text, "\n", " "))
}

func (w *tsvWriter) skip(origin, format string, args ...any) {
	file, line := splitOrigin(origin)
	w.warn = append(w.warn, Error{File: file, Line: line, Msg: "not written: " + fmt.Sprintf(format, args...)})
}

func (w *tsvWriter) flush(name string) error {
	path := filepath.Join(w.dir, name)
	if err := os.WriteFile(path, []byte(w.files[name].String()), 0o644); err != nil {
		return fmt.Errorf("write dictionary: %w", err)
	}
	return nil
}

// splitOrigin splits "file:line".
func splitOrigin(origin string) (string, int) {
	i := strings.LastIndexByte(origin, ':')
	if i < 0 {
		return origin, 0
	}
	n := 0
	for _, c := range origin[i+1:] {
		if c < '0' || c > '9' {
			return origin, 0
		}
		n = n*10 + int(c-'0')
	}
	return origin[:i], n
}

// cell checks that a list of phrases can be written in one column.
func cell(phrases []string) (string, bool) {
	for _, p := range phrases {
		if strings.ContainsAny(p, ";\t\n") {
			return "", false
		}
	}
	return strings.Join(phrases, "; "), true
}

func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (w *tsvWriter) entries(d *Dictionary) {
	byCountry := map[string]map[Kind][]*Entry{}
	for _, e := range d.entries {
		if e.Kind == Adjective || e.Kind == Capital || e.Kind == City {
			if byCountry[e.Country] == nil {
				byCountry[e.Country] = map[Kind][]*Entry{}
			}
			byCountry[e.Country][e.Kind] = append(byCountry[e.Country][e.Kind], e)
		}
	}
	countryRow, hasCountry := map[string]bool{}, map[string]bool{}
	for _, e := range d.entries {
		if e.Kind == Country && isCode(e.Code) && len(e.Code) == 3 {
			hasCountry[e.Code] = true
		}
	}
	for _, e := range d.entries {
		phrases := uniq(e.Phrases)
		if len(phrases) == 0 {
			phrases = []string{e.Name}
		}
		names, ok := cell(phrases)
		if !ok || strings.ContainsAny(e.Name, ";\t\n") {
			w.skip(e.Origin, "%s %q: a phrase holds ';' or a tab", e.Kind, e.Name)
			continue
		}
		switch e.Kind {
		case Country:
			if !isCode(e.Code) || len(e.Code) != 3 {
				w.skip(e.Origin, "country %q: code %q is not three capitals", e.Name, e.Code)
				continue
			}
			aliases, _ := cell(phrases[1:])
			cols := []string{e.Code, phrases[0], aliases, "", "", ""}
			if !countryRow[e.Code] { // the first row of a country carries its places
				countryRow[e.Code] = true
				for i, k := range []Kind{Adjective, Capital, City} {
					var ps []string
					for _, x := range byCountry[e.Code][k] {
						if k == Adjective {
							ps = append(ps, x.Phrases...)
						} else {
							ps = append(ps, x.Name)
						}
					}
					if c, ok := cell(uniq(ps)); ok {
						cols[3+i] = c
					}
				}
			}
			for len(cols) > 2 && cols[len(cols)-1] == "" {
				cols = cols[:len(cols)-1]
			}
			w.row("countries.tsv", cols...)
		case Adjective, Capital, City:
			if !hasCountry[e.Country] {
				// countries.tsv lists places on their country's row
				w.skip(e.Origin, "%s %q of %s: no country entry to write it with", e.Kind, e.Name, e.Country)
			}
		case Org:
			if !isCode(e.Code) {
				w.skip(e.Origin, "organisation %q: code %q", e.Name, e.Code)
				continue
			}
			w.row("actors.tsv", e.Code, names)
		case Agent:
			if !isCode(e.Code) {
				w.skip(e.Origin, "agent %q: code %q (dyad's agents.tsv holds role codes appended to the actor's)", e.Name, e.Code)
				continue
			}
			w.row("agents.tsv", "~"+e.Code, names)
		case Person:
			w.person(e, phrases)
		}
	}
}

func (w *tsvWriter) person(e *Entry, phrases []string) {
	gender := e.Gender
	if gender == "" {
		gender = "-"
	}
	aliases, _ := cell(phrases[1:])
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	n := 0
	for _, r := range e.Roles {
		if !isCode(r.Code) || len(r.Code) < 3 {
			w.skip(e.Origin, "person %q: role code %q from %s until %s", e.Name, r.Code, day(r.From), day(r.Until))
			continue
		}
		if strings.ContainsAny(r.Title+e.Source, "\t\n") {
			w.skip(e.Origin, "person %q: a tab in the title or source", e.Name)
			continue
		}
		w.row("people.tsv", e.Name, aliases, gender, r.Code, r.Title, day(r.From), day(r.Until), e.Source)
		n++
	}
	if n == 0 && len(e.Roles) == 0 {
		w.skip(e.Origin, "person %q has no office", e.Name)
	}
}

func (w *tsvWriter) patterns(d *Dictionary) {
	for _, p := range d.Patterns.All() {
		code, text, flags, err := FormatPattern(p)
		if err != nil {
			w.skip(p.Origin, "pattern %q: %v", p.Text, err)
			continue
		}
		if p.Text != text && p.Text != "" {
			w.comment("patterns.tsv", p.Text+" ("+p.Origin+")")
		}
		if flags != "" {
			w.row("patterns.tsv", code, text, flags)
		} else {
			w.row("patterns.tsv", code, text)
		}
	}
}

func (w *tsvWriter) intent(d *Dictionary) {
	roots := make([]string, 0, len(d.Intent))
	for r := range d.Intent {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		w.row("intent.tsv", r, d.Intent[r])
	}
}

func (w *tsvWriter) rules(d *Dictionary) {
	for _, x := range d.Discards() {
		var fl []string
		if x.Story {
			fl = append(fl, "story")
		}
		if x.Exact {
			fl = append(fl, "exact")
		}
		w.row(discardsFile, strings.Join(x.Words, " "), strings.Join(fl, " "))
	}
	for _, x := range d.Issues() {
		fl := map[int]string{1: "exclude", 2: "exclude-story"}[x.Exclude]
		if strings.ContainsAny(x.Text+x.Code+x.Category, "\t\n[]") {
			w.skip(x.Origin, "issue %q", x.Text)
			continue
		}
		w.row(issuesFile, x.Code, x.Text, x.Category, fl)
	}
}

// readRules reads discards.tsv and issues.tsv of dir, when there, into the
// current layer.
func (b *Builder) readRules(dir string) {
	for _, name := range []string{discardsFile, issuesFile} {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			b.errs = append(b.errs, Error{File: path, Msg: err.Error()})
			continue
		}
		b.readRulesFrom(path, name, f)
		f.Close()
	}
}

func (b *Builder) readRulesFrom(path, name string, r io.Reader) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		errf := func(format string, args ...any) {
			b.errs = append(b.errs, Error{File: path, Line: n, Msg: fmt.Sprintf(format, args...)})
		}
		origin := fmt.Sprintf("%s:%d", path, n)
		switch name {
		case discardsFile:
			x := Discard{Text: strings.TrimSpace(f[0]), Origin: origin}
			for _, w := range strings.Fields(f[0]) {
				x.Words = append(x.Words, Norm(w))
			}
			if len(x.Words) == 0 || len(f) > 2 {
				errf("want PHRASE and optional FLAGS")
				continue
			}
			ok := true
			if len(f) > 1 {
				for _, fl := range strings.Fields(f[1]) {
					switch fl {
					case "story":
						x.Story = true
					case "exact":
						x.Exact = true
					default:
						errf("unknown flag %q (want story or exact)", fl)
						ok = false
					}
				}
			}
			if ok {
				b.patterns.discards = append(b.patterns.discards, x)
			}
		case issuesFile:
			if len(f) < 2 || len(f) > 4 {
				errf("want CODE, PHRASE, CATEGORY and FLAGS")
				continue
			}
			x := Issue{Code: strings.TrimSpace(f[0]), Text: strings.TrimSpace(f[1]), Origin: origin}
			if len(f) > 2 {
				x.Category = strings.TrimSpace(f[2])
			}
			if len(f) > 3 {
				switch fl := strings.TrimSpace(f[3]); fl {
				case "":
				case "exclude":
					x.Exclude = 1
				case "exclude-story":
					x.Exclude = 2
				default:
					errf("unknown flag %q (want exclude or exclude-story)", fl)
					continue
				}
			}
			// the phrase syntax is PETRARCH's: let its reader expand it
			src := strings.Repeat("~", x.Exclude) + x.Text
			if x.Code != "" {
				src += " [" + x.Code + "]"
			}
			id, err := petrarch.ReadIssues(path, strings.NewReader(src+"\n"))
			if id == nil || len(id.Issues) != 1 || err != nil && x.Code != "" {
				errf("bad issue phrase %q", x.Text)
				continue
			}
			x.Forms = id.Issues[0].Forms()
			b.patterns.issues = append(b.patterns.issues, x)
		}
	}
	if err := sc.Err(); err != nil {
		b.errs = append(b.errs, Error{File: path, Msg: err.Error()})
	}
}
