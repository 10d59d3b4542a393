"""Start documents and planning repositories: values, paths, skeletons and set-up files."""
