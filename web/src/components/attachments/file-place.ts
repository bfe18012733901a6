import { createContext, useContext } from 'solid-js';
import type { FilePlace } from '../../lib/files/urls';

/** The channel whose messages are shown, and the account reading them: every file URL needs both. */
export const FilePlaceContext = createContext<FilePlace>();

export const useFilePlace = () => useContext(FilePlaceContext);
