"""What search, People and dossiers read: postings, columns, queries, the people index.

Built from the archive's rows at open (and at import); never writes the archive.
"""
