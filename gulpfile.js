const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits only JavaScript; the icons and output schemas must sit beside the compiled files.
function copyIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

function copySchemas() {
	return src('nodes/**/__schema__/**/*.json', { base: '.' }).pipe(dest(path.resolve('dist')));
}

task('build:assets', parallel(copyIcons, copySchemas));
