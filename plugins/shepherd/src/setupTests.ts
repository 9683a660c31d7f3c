import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages load lazily and fetch through the API client; on a busy 2-core CI runner the first
// render can take several seconds, longer than testing-library's default 1 s for findBy*.
configure({ asyncUtilTimeout: 10_000 });
