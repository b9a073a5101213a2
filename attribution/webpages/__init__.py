"""Saved news pages read as an editor reads them: the article's paragraphs, subheadings and list items without
the page's boilerplate, the visible headline, the publication time, the publisher's names and the canonical URL.

Plain Python over trafilatura and lxml, with no Django imports (like the extraction engine): page.read_page is
the one entry point, and the ingest services decide what to store.
"""
