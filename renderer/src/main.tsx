import './lib/zod-config'
import './styles/base.css'
import './styles/shell.css'
import './styles/components.css'
import './styles/credentials.css'
import './styles/records.css'
import './styles/integrations.css'
import './styles/mapping.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
