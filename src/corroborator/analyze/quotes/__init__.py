"""Quotes and attribution: cues, speakers, contents and relay chains.
Entry points: `extract.extract_quotes`, `relay.relay_chain`."""
